"""The shipped role library and the skill keys it rests on, checked as plain data.

No database: these read ``assessments.content`` only, so a broken framework fails here before
any loader or migration runs.
"""

from collections import Counter

import pytest

from assessments.content.abilities import SKILLS
from assessments.content.roles import LEARNING, TRACKS
from assessments.content.skills import SKILL_KEYS

LEVELS = {
    "entry",
    "mid",
    "senior",
    "lead",
    "principal",
    "manager",
    "senior-manager",
    "director",
    "executive",
}
KINDS = {
    "course",
    "book",
    "certification",
    "workshop",
    "article",
    "practice",
    "mentoring",
    "community",
    "conference",
}
ROLE_KEYS = {
    "slug",
    "title",
    "level",
    "summary",
    "responsibilities",
    "experience",
    "skills",
    "moves",
}

# A question's identity is its position, and roles name it by key: these never move, change
# their words or change their key.
ORIGINAL_SKILLS = [
    ("craft", "Technical and craft", "Depth in your core craft"),
    ("problem-solving", "Technical and craft", "Solving problems"),
    ("data-evidence", "Technical and craft", "Working with data and evidence"),
    ("writing", "Technical and craft", "Writing clearly"),
    ("planning", "Technical and craft", "Planning and organising work"),
    ("learning", "Technical and craft", "Learning new things quickly"),
    ("listening", "Working with people", "Listening"),
    ("feedback", "Working with people", "Giving and receiving feedback"),
    ("collaboration", "Working with people", "Collaborating across teams"),
    ("disagreement", "Working with people", "Handling disagreement"),
    ("presenting", "Working with people", "Presenting and speaking"),
    ("relationships", "Working with people", "Building relationships"),
    ("influence", "Leading and influencing", "Influencing without authority"),
    ("coaching", "Leading and influencing", "Coaching and developing others"),
    ("deciding", "Leading and influencing", "Deciding with incomplete information"),
    ("strategy", "Leading and influencing", "Thinking strategically"),
    ("leading", "Leading and influencing", "Leading a team or project"),
]

# The specialist skills of issue #15, by key: shipped, so as fixed as the original ones.
SPECIALIST_SKILLS = {
    "software-development": "Writing and reviewing code",
    "system-design": "Designing systems",
    "production-operations": "Running systems in production",
    "product-discovery": "Product discovery",
    "user-research": "Researching users",
    "interaction-design": "Interaction and visual design",
    "data-analysis": "Analysing data",
    "statistics-experiments": "Statistics and experiments",
    "machine-learning": "Machine learning",
    "data-engineering": "Data engineering",
    "selling": "Selling and negotiating",
    "account-management": "Looking after customers and accounts",
    "marketing": "Marketing and positioning",
    "growth-campaigns": "Running campaigns and growth",
    "financial-sense": "Budgets and financial sense",
    "process-improvement": "Improving processes and operations",
    "project-management": "Running projects and programmes",
    "hiring": "Hiring and interviewing",
    "performance-management": "Managing performance and careers",
    "employment-practice": "Employment law and HR practice",
    "organisation-design": "Designing teams and organisations",
    "change-leadership": "Leading change",
}

ROLES = [(track, role) for track in TRACKS for role in track["roles"]]
SLUGS = {role["slug"] for _track, role in ROLES}


def _role_id(pair) -> str:
    return pair[1]["slug"]


# --- The skills instrument and its keys ---------------------------------------------------


def test_the_seventeen_original_skill_questions_keep_their_places_and_words():
    questions = SKILLS["questions"]
    original = [(q["section"], q["prompt"]) for q in questions[: len(ORIGINAL_SKILLS)]]
    assert original == [(section, prompt) for _key, section, prompt in ORIGINAL_SKILLS]
    assert all(q["required"] for q in questions[: len(ORIGINAL_SKILLS)])


def test_specialist_skills_come_after_the_general_ones_and_are_optional():
    specialist = SKILLS["questions"][len(ORIGINAL_SKILLS) :]
    assert 18 <= len(specialist) <= 25
    for question in specialist:
        assert question["type"] == "skill", question["prompt"]
        assert not question["required"], question["prompt"]
        assert question["help_text"].strip(), question["prompt"]
        assert "optional" in question["section"].lower(), question["section"]
    assert len({question["section"] for question in specialist}) >= 4


def test_every_skill_question_has_exactly_one_key():
    questions = SKILLS["questions"]
    positions = list(SKILL_KEYS.values())
    assert len(positions) == len(set(positions))
    for key, position in SKILL_KEYS.items():
        assert 1 <= position <= len(questions), key
        assert questions[position - 1]["type"] == "skill", key
    skill_positions = {i for i, q in enumerate(questions, start=1) if q["type"] == "skill"}
    assert set(positions) == skill_positions


def test_each_key_names_the_same_skill_question_for_good():
    # Roles written against these keys mean these skills; a renumbering would silently
    # change what every role asks for.
    questions = SKILLS["questions"]
    for position, (key, _section, prompt) in enumerate(ORIGINAL_SKILLS, start=1):
        assert SKILL_KEYS[key] == position, key
        assert questions[position - 1]["prompt"] == prompt, key
    for key, prompt in SPECIALIST_SKILLS.items():
        assert questions[SKILL_KEYS[key] - 1]["prompt"] == prompt, key
    assert len(SKILL_KEYS) == len(ORIGINAL_SKILLS) + len(SPECIALIST_SKILLS)


# --- Tracks and roles -------------------------------------------------------------------


def test_the_library_has_at_least_ten_tracks_of_four_to_six_roles():
    assert len(TRACKS) >= 10
    assert len(ROLES) >= 45
    slugs = [track["slug"] for track in TRACKS]
    assert len(slugs) == len(set(slugs))
    for track in TRACKS:
        assert set(track) == {"slug", "name", "summary", "roles"}, track["slug"]
        assert track["name"].strip(), track["slug"]
        assert track["summary"].strip(), track["slug"]
        assert 4 <= len(track["roles"]) <= 6, track["slug"]


def test_every_role_slug_is_unique_across_all_tracks():
    counts = Counter(role["slug"] for _track, role in ROLES)
    assert [slug for slug, count in counts.items() if count > 1] == []


@pytest.mark.parametrize("pair", ROLES, ids=_role_id)
def test_a_role_has_the_shipped_shape(pair):
    _track, role = pair
    assert set(role) == ROLE_KEYS
    assert role["level"] in LEVELS
    assert role["title"].strip()
    assert role["summary"].strip()
    assert role["experience"].strip()
    assert 4 <= len(role["responsibilities"]) <= 6
    assert all(line.strip() for line in role["responsibilities"])


@pytest.mark.parametrize("pair", ROLES, ids=_role_id)
def test_a_role_needs_six_to_nine_known_skills_three_to_five_of_them_core(pair):
    _track, role = pair
    skills = role["skills"]
    assert 6 <= len(skills) <= 9
    keys = [key for key, _level, _importance in skills]
    assert len(keys) == len(set(keys))
    for key, level, importance in skills:
        assert key in SKILL_KEYS, key
        assert level in {1, 2, 3, 4, 5}, key
        assert importance in {"core", "helpful"}, key
    core = [key for key, _level, importance in skills if importance == "core"]
    assert 3 <= len(core) <= 5


def test_roles_mix_general_and_specialist_skills():
    general = {key for key, _section, _prompt in ORIGINAL_SKILLS}
    for _track, role in ROLES:
        keys = {key for key, _level, _importance in role["skills"]}
        assert keys & general, role["slug"]
        assert keys - general, role["slug"]


def test_the_levels_a_track_asks_for_rise_from_its_first_role_to_its_last():
    for track in TRACKS:
        averages = [
            sum(level for _key, level, _importance in role["skills"]) / len(role["skills"])
            for role in track["roles"]
        ]
        assert averages == sorted(averages), track["slug"]
        assert averages[0] < averages[-1], track["slug"]


# --- Moves between roles ------------------------------------------------------------------


def test_every_move_leads_to_another_existing_role_in_realistic_time():
    for _track, role in ROLES:
        targets = [target for target, _months in role["moves"]]
        assert len(targets) == len(set(targets)), role["slug"]
        for target, months in role["moves"]:
            assert target in SLUGS, (role["slug"], target)
            assert target != role["slug"]
            assert 6 <= months <= 36, (role["slug"], target)


def test_every_role_below_the_top_of_its_track_can_move_further_along_it():
    for track in TRACKS:
        roles = track["roles"]
        for place, role in enumerate(roles[:-1]):
            further = {later["slug"] for later in roles[place + 1 :]}
            targets = {target for target, _months in role["moves"]}
            assert targets & further, role["slug"]


def test_moves_also_cross_into_other_tracks():
    track_of = {role["slug"]: track["slug"] for track, role in ROLES}
    across = {
        (role["slug"], target)
        for track, role in ROLES
        for target, _months in role["moves"]
        if track_of[target] != track["slug"]
    }
    assert len(across) >= 10
    # The common crossings a framework is expected to show.
    assert ("senior-software-engineer", "engineering-manager") in across
    assert ("data-analyst", "product-manager") in across
    assert ("account-executive", "customer-success-manager") in across
    assert ("customer-support-specialist", "associate-product-manager") in across
    assert ("hr-generalist", "people-operations-manager") in {
        (role["slug"], target) for _track, role in ROLES for target, _months in role["moves"]
    }


# --- Learning suggestions -----------------------------------------------------------------


def test_every_skill_key_has_two_to_four_learning_suggestions():
    assert set(LEARNING) == set(SKILL_KEYS)
    for key, suggestions in LEARNING.items():
        assert 2 <= len(suggestions) <= 4, key
        for suggestion in suggestions:
            assert set(suggestion) == {"title", "kind", "url"}, key
            assert suggestion["kind"] in KINDS, key
            assert suggestion["title"].strip(), key


def test_suggestion_links_are_https_or_empty_and_practice_needs_none():
    linked = 0
    for key, suggestions in LEARNING.items():
        for suggestion in suggestions:
            url = suggestion["url"]
            assert url == "" or (url.startswith("https://") and " " not in url), key
            if suggestion["kind"] in {"practice", "mentoring"}:
                assert url == "", key
            linked += bool(url)
    assert linked >= 5
