"""Script detection: newsctl.text.script."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.text import script
from newsctl.jobs.converters import convert_text
from newsctl.text.script import ScriptProfile, is_traditional, script_profile

TRADITIONAL = "行政院今天召開院會，通過國土計畫法部分條文修正草案。總統府發言人晚間發布新聞稿。"
SIMPLIFIED = "全国政协第三次会议今天下午在北京开幕，会议听取并审议了关于城市更新工作的专题报告。"


def test_counts_on_a_short_traditional_text() -> None:
    # 國→国, 際→际, 聞→闻 change under t2s; 新 is shared; nothing is Simplified-only.
    assert script_profile("國際新聞") == ScriptProfile(cjk=4, traditional=3, simplified=0)


def test_counts_on_a_short_simplified_text() -> None:
    assert script_profile("国际新闻") == ScriptProfile(cjk=4, traditional=0, simplified=3)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (TRADITIONAL, "traditional"),
        (SIMPLIFIED, "simplified"),
        ("Only ASCII, 123 and ，。punctuation", "none"),
        ("", "none"),
        ("人大中小山水", "simplified"),  # shared characters only
        (TRADITIONAL + SIMPLIFIED, "mixed"),
    ],
)
def test_labels(text: str, label: str) -> None:
    assert script_profile(text).label == label


def test_share_is_zero_without_script_specific_characters() -> None:
    profile = script_profile("人大中小山水")
    assert profile.cjk == 6
    assert profile.traditional_share == 0.0


def test_share_and_thresholds() -> None:
    assert ScriptProfile(10, 8, 2).traditional_share == pytest.approx(0.8)
    assert ScriptProfile(10, 8, 2).label == "traditional"
    assert ScriptProfile(10, 2, 8).label == "simplified"
    assert ScriptProfile(10, 5, 5).label == "mixed"
    assert ScriptProfile(0, 0, 0).label == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(TRADITIONAL, True), (SIMPLIFIED, False), (TRADITIONAL + SIMPLIFIED, True), ("abc", False)],
)
def test_is_traditional(text: str, expected: bool) -> None:
    assert is_traditional(text) is expected


def test_precomputed_simplified_gives_the_same_profile() -> None:
    text = TRADITIONAL + "\n" + SIMPLIFIED
    assert script_profile(text, simplified=convert_text(text, "t2s")) == script_profile(text)


def test_length_changing_conversion_falls_back_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a conversion changes a line's length, that line is compared character by character."""
    real = script.convert_text

    def stretching(text: str, config: str) -> str:
        # Pretend the conversion turns Ω into two characters (OpenCC 1.4 never changes length).
        return real(text, config).replace("Ω", "ΩΩ")

    monkeypatch.setattr(script, "convert_text", stretching)
    profile = script_profile("國際Ω新聞\n国际新闻\nabc")
    # Per line: 國際新聞 has 3 Traditional-only forms; Ω, now changed by both conversions, counts
    # once in each direction; 国际新闻 has 3 Simplified-only forms.
    assert profile == ScriptProfile(cjk=8, traditional=4, simplified=4)


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_profile_never_crashes_and_counts_are_bounded(text: str) -> None:
    profile = script_profile(text)
    assert 0 <= profile.traditional <= len(text)
    assert 0 <= profile.simplified <= len(text)
    assert 0 <= profile.cjk <= len(text)
    assert profile.label in {"none", "traditional", "simplified", "mixed"}
    assert 0.0 <= profile.traditional_share <= 1.0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([TRADITIONAL[:12], SIMPLIFIED[:12], "人大中小山水", "abc，", "國", "国"]),
                max_size=12))
def test_is_traditional_agrees_with_the_full_profile(parts: list[str]) -> None:
    """The t2s-only shortcut never decides differently from counting in both directions."""
    text = "".join(parts)
    assert is_traditional(text) is (script_profile(text).label in ("traditional", "mixed"))


def test_traditional_and_simplified_text_need_no_s2t(monkeypatch: pytest.MonkeyPatch) -> None:
    """s2t's dictionaries are slow to load; clear-cut text is decided without them."""
    real = script.convert_text
    used: list[str] = []

    def recording(text: str, config: str) -> str:
        used.append(config)
        return real(text, config)

    monkeypatch.setattr(script, "convert_text", recording)
    assert is_traditional(TRADITIONAL) and not is_traditional(SIMPLIFIED)
    assert "s2t" not in used
    is_traditional(SIMPLIFIED * 5 + "國")     # one Traditional form among Simplified: must count
    assert "s2t" in used


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([TRADITIONAL[:12], SIMPLIFIED[:12], "人大中小山水", "abc，", "國", "国"]),
                max_size=12))
def test_mostly_traditional_agrees_with_the_full_profile(parts: list[str]) -> None:
    """convert --to's rule (share ≥ 0.5 with a Traditional form), without s2t where t2s decides."""
    from newsctl.text.script import mostly_traditional

    text = "".join(parts)
    profile = script_profile(text)
    assert mostly_traditional(text) is (profile.traditional > 0 and profile.traditional_share >= 0.5)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.characters(), st.characters()), max_size=80))
def test_count_differences_counts_the_positions_that_differ(pairs: list[tuple[str, str]]) -> None:
    from operator import ne

    from newsctl.text.script import count_differences

    text, other = "".join(a for a, _ in pairs), "".join(b for _, b in pairs)
    assert count_differences(text, other) == sum(map(ne, text, other))
