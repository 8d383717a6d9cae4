import pytest

from kg.dates import find_dates, find_publication_date, parse_anchor
from kg.errors import SourceError
from kg.furniture import find_furniture
from kg.sources import load_article, load_articles, split_front_matter


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_gives_metadata_and_offsets_count_from_body(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Talks in Geneva\nauthor: Jane Roe\ndate: 2024-03-05\n"
                 "url: https://example.com/a\npublisher: Example Times\n---\nThe talks ended.\n")
    art = load_article(path)
    assert (art.title, art.author, art.date, art.publisher, art.url) == (
        "Talks in Geneva", "Jane Roe", "2024-03-05", "Example Times", "https://example.com/a")
    assert art.body == "The talks ended.\n"
    assert art.id == "a" and art.file == "a.md"


def test_no_front_matter_title_from_first_line_and_date_from_text(tmp_path):
    path = write(tmp_path, "b.txt", "\n\nBorder clashes resume in the north\n21.09.2023 09:35\n\n"
                 "Fighting resumed on Tuesday, officials said, after weeks of calm along the border.\n")
    art = load_article(path)
    assert art.title == "Border clashes resume in the north"
    assert art.date == "2023-09-21"
    assert art.author is None


@pytest.mark.parametrize("byline", ["By Ann Lee", "by Ann Lee", "BY Ann Lee"])
def test_the_author_of_an_article_without_front_matter_is_its_byline(tmp_path, byline):
    path = write(tmp_path, "c.txt", f"Border clashes resume in the north\n{byline}\n\nFighting resumed on Tuesday.\n")
    assert load_article(path).author == "Ann Lee"


@pytest.mark.parametrize("header, expected", [
    ("Some headline here\nPublished on Sep 28, 2023\nBy Ann Lee", "2023-09-28"),
    ("Headline of the day\nPosted 5 March 2021", "2021-03-05"),
    ("Report\n06.09.2023\n", "2023-09-06"),
    ("A headline without a date\nJust words here", None),
])
def test_publication_date_detection(header, expected):
    assert find_publication_date(header) == expected


def test_a_date_inside_the_prose_is_not_the_publication_date():
    prose = ("Headline\n\nOn 5 August 2019, the prime minister told a rally in the city that the region "
             "belonged to the country, a claim his opponents rejected.")
    assert find_publication_date(prose) is None


@pytest.mark.parametrize("text, anchor, start, precision", [
    ("On Tuesday, the ministry announced", "2023-09-21", "2023-09-19", "day"),
    ("on September 19, 2023, the army attacked", None, "2023-09-19", "day"),
    ("the ministers met on July 19 in the capital", "2023-09-21", "2023-07-19", "day"),
    ("a rally in May of this year", "2023-09-21", "2023-05", "month"),
    ("the war in 2020 changed everything", None, "2020", "year"),
    ("three months ago the talks stalled", "2023-09-21", "2023-06", "month"),
    ("elections held in June 2021", None, "2021-06", "month"),
])
def test_dates_normalized_against_the_article_date(text, anchor, start, precision):
    found = find_dates(text, parse_anchor(anchor))
    assert found, text
    assert (found[0][2].start, found[0][2].precision) == (start, precision)


def test_malformed_front_matter_names_the_file(tmp_path):
    path = write(tmp_path, "bad.txt", "---\ntitle: [unclosed\n---\nBody text.\n")
    with pytest.raises(SourceError) as info:
        load_article(path)
    assert "bad.txt" in str(info.value) and "front matter" in str(info.value)


def test_front_matter_must_be_a_mapping():
    with pytest.raises(SourceError):
        split_front_matter("---\n- a\n- b\n---\nbody\n", "x.txt")


def test_empty_and_binary_files_are_reported_and_others_still_load(tmp_path):
    write(tmp_path, "good.txt", "Good headline here\n\nArmenia and Georgia signed a deal.\n")
    write(tmp_path, "empty.txt", "   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    errors = []
    arts = load_articles(tmp_path, on_error=errors.append)
    assert [a.id for a in arts] == ["good"]
    assert sorted(e.path.rsplit("/", 1)[-1] for e in errors) == ["binary.txt", "empty.txt"]


def test_duplicate_ids_are_an_error(tmp_path):
    write(tmp_path, "a.txt", "---\nid: same\n---\nFirst article body text.\n")
    write(tmp_path, "b.txt", "---\nid: same\n---\nSecond article body text.\n")
    errors = []
    arts = load_articles(tmp_path, on_error=errors.append)
    assert len(arts) == 1 and "duplicate article id" in str(errors[0])


def test_page_furniture_is_found_by_general_rules():
    body = (
        "• Home\n• World\n• About\n"
        "{\n  \"authors\": [\"Someone\"],\n  \"type\": \"news\"\n}\n"
        "Source: Reuters\n\n"
        "Headline about the talks\n\n"
        "The foreign ministers of Armenia and Azerbaijan met in Washington on Monday to discuss a peace deal.\n\n"
        "Both sides said progress had been made, though key issues about the border remain unresolved.\n\n"
        "More from this site\n\n"
        "  • Analysis\n    Why Japan is rearming quickly\n\n"
        "Tel: +1 202 555 0100\n"
        "© 2024 Example News. All rights reserved.\n"
    )
    spans = find_furniture(body)
    kept = "".join(ch if not any(a <= i < b for a, b in spans) else " " for i, ch in enumerate(body))
    assert "Armenia and Azerbaijan met" in kept and "Headline about the talks" in kept
    for junk in ("Home", "authors", "Reuters", "Japan", "Tel:", "©"):
        assert junk not in kept, junk


_ARTICLE = ("Sudan's army said on Monday it had retaken the presidential palace in Khartoum from the paramilitary "
            "Rapid Support Forces.\n\nThe RSF said its fighters had withdrawn to positions south of the capital.\n\n")


@pytest.mark.parametrize("tail, author, gone, kept", [
    # the author's bio closing the article, with a line going on about them, before the footer
    ("Amina Yusuf is a senior fellow at the Horn Policy Centre.\n\nHer book on the war was published in 2022.\n\n"
     "Related: Chad closes its border | © 2024 Horn Policy Centre", "Amina Yusuf", ("Horn Policy", "book"), ()),
    ("Amina Yusuf is a senior fellow at the Horn Policy Centre. She previously taught at Makerere University.",
     "Dr. Amina Yusuf", ("Horn Policy", "Makerere"), ()),
    # guards (pass either way): a closing line about someone else, and a bio line with the story going on after it
    ("Hemedti is a former camel trader who rose to lead the RSF.", "Amina Yusuf", (), ("camel trader",)),
    ("Amina Yusuf is in Port Sudan.\n\nThe army said the RSF had shelled El Obeid.", "Amina Yusuf", (),
     ("Port Sudan", "El Obeid")),
])
def test_the_authors_closing_bio_is_furniture(tail, author, gone, kept):
    body = _ARTICLE + tail
    spans = find_furniture(body, author)
    text = "".join(ch if not any(a <= i < b for a, b in spans) else " " for i, ch in enumerate(body))
    assert "Rapid Support Forces" in text and "south of the capital" in text
    assert not [g for g in gone if g in text] and all(k in text for k in kept), text


@pytest.mark.parametrize("header", ["---\nauthor: Amina Yusuf\n---\n", "By Amina Yusuf\n\n"])
def test_the_author_of_the_front_matter_or_byline_finds_the_bio(tmp_path, header):
    path = write(tmp_path, "a.txt", header + _ARTICLE + "Amina Yusuf is a senior fellow at the Horn Policy Centre.\n")
    content = load_article(path).content
    assert "Rapid Support Forces" in content and "Horn Policy" not in content


def test_front_matter_with_an_unquoted_colon_is_read_as_plain_fields(tmp_path, caplog):
    from kg.sources import load_article

    path = tmp_path / "analysis.md"
    path.write_text("---\ntitle: Analysis: Iran's proxies\npublisher: Gulf Review\ndate: 2024-02-10\n---\nBody text.\n",
                    encoding="utf-8")
    article = load_article(path)
    assert (article.title, article.publisher, article.date) == ("Analysis: Iran's proxies", "Gulf Review", "2024-02-10")
    assert "not valid YAML" in caplog.text
