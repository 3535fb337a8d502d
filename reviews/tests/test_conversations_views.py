"""The conversation pages: the list, preparing, editing with action items, printing,
deleting; two tabs; another person's things; their query counts."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from goals.models import Task
from goals.tests.factories import GoalFactory
from reviews.models import ActionItem, Conversation
from reviews.tests.factories_conversations import (
    ActionItemFactory,
    CircleMemberFactory,
    ConversationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(owner):
    return CircleMemberFactory(owner=owner, name="Ana")


@pytest.fixture
def conversation(owner, member):
    return ConversationFactory(owner=owner, member=member, agenda="Talk about the move")


def _form(client, conversation) -> dict:
    """What the page posts when saved untouched: every field as rendered."""
    return _form_from(client.get(conversation.get_absolute_url()).context["page"])


def _form_from(page) -> dict:
    data = {"version": str(page.version_value()), "loaded": page.loaded_value()}
    for form in [page.form, *page.action_forms()]:
        for bf in form:
            value = bf.field.prepare_value(bf.initial if bf.value() is None else bf.value())
            if isinstance(value, bool):
                if value:
                    data[bf.html_name] = "on"
            else:
                data[bf.html_name] = "" if value is None else str(value)
    return data


def _post(client, conversation, data):
    return client.post(conversation.get_absolute_url(), data)


# --- The list and preparing --------------------------------------------------------


def test_the_list_shows_upcoming_and_held_per_person(owner_client, owner, member):
    ConversationFactory(owner=owner, member=member, planned_for=datetime.date(2027, 6, 1))
    ConversationFactory(owner=owner, member=member, held_on=datetime.date(2027, 3, 1))
    ConversationFactory(owner=owner, member=member, held_on=datetime.date(2027, 1, 1))
    page = owner_client.get(reverse("reviews:conversations"))
    assert page.status_code == 200
    assert len(page.context["upcoming"]) == 1
    assert [c.held_on.month for c in page.context["past"]] == [3, 1]
    assert "Prepare the agenda" in page.content.decode()


def test_an_empty_circle_says_so_instead_of_offering_a_form(owner_client):
    body = owner_client.get(reverse("reviews:conversations")).content.decode()
    assert "Your circle is empty" in body
    assert "Prepare the agenda" not in body


def test_preparing_makes_a_planned_conversation_and_opens_it(owner_client, owner, member):
    response = owner_client.post(reverse("reviews:conversation_prepare"), {"member": member.pk})
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == conversation.get_absolute_url()
    assert conversation.owner == owner
    assert conversation.agenda.startswith("Career conversation with Ana")


def test_preparing_with_another_persons_member_is_refused(owner_client, other_user, member):
    foreign = CircleMemberFactory(owner=other_user)
    response = owner_client.post(reverse("reviews:conversation_prepare"), {"member": foreign.pk})
    assert response.status_code == 422
    assert "Choose someone in your circle." in response.content.decode()
    assert not Conversation.objects.exists()


# --- Editing ------------------------------------------------------------------------


def test_saving_the_agenda_notes_dates_and_sharing(owner_client, conversation):
    data = _form(owner_client, conversation)
    data.update(
        agenda="My own agenda",
        notes="We talked",
        agenda_shared="on",
        planned_for="2027-06-01",
        held_on="",
    )
    response = _post(owner_client, conversation, data)
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert (conversation.agenda, conversation.notes) == ("My own agenda", "We talked")
    assert conversation.agenda_shared is True
    assert conversation.planned_for == datetime.date(2027, 6, 1)
    assert conversation.version == 1


def test_a_held_date_in_the_future_is_refused_and_what_was_typed_stays(owner_client, conversation):
    data = _form(owner_client, conversation)
    future = timezone.localdate() + datetime.timedelta(days=3)
    data.update(notes="Typed before the mistake", held_on=future.isoformat())
    response = _post(owner_client, conversation, data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "cannot have happened later than today" in body
    assert "Typed before the mistake" in body
    conversation.refresh_from_db()
    assert conversation.notes == ""
    assert conversation.held_on is None


def test_the_second_of_two_tabs_is_refused_with_its_text_kept(owner_client, conversation):
    first, second = _form(owner_client, conversation), _form(owner_client, conversation)
    first["agenda"] = "Agenda from the first tab"
    assert _post(owner_client, conversation, first).status_code == 302
    second["agenda"] = "Agenda from the second tab"
    refused = _post(owner_client, conversation, second)
    assert refused.status_code == 409
    body = refused.content.decode()
    assert "Agenda from the second tab" in body  # what they typed is still there
    assert "changed in another tab" in body
    conversation.refresh_from_db()
    assert conversation.agenda == "Agenda from the first tab"  # the newer text is kept
    # Saving the refused page again deliberately keeps the second tab's text.
    assert _post(owner_client, conversation, _form_from(refused.context["page"])).status_code == 302
    conversation.refresh_from_db()
    assert conversation.agenda == "Agenda from the second tab"


def test_an_edit_of_another_field_is_refused_then_saved_again_keeps_both(
    owner_client, conversation
):
    first, second = _form(owner_client, conversation), _form(owner_client, conversation)
    first["agenda"] = "New agenda"
    _post(owner_client, conversation, first)
    second["notes"] = "My notes"
    refused = _post(owner_client, conversation, second)
    assert refused.status_code == 409
    page = refused.context["page"]
    assert page.form["agenda"].value() == "New agenda"  # the newer agenda, not the old one
    assert page.form["notes"].value() == "My notes"
    again = _form_from(page)
    assert _post(owner_client, conversation, again).status_code == 302
    conversation.refresh_from_db()
    assert (conversation.agenda, conversation.notes) == ("New agenda", "My notes")


def test_an_action_removed_in_another_tab_comes_back_as_a_new_row(owner_client, conversation):
    item = ActionItemFactory(conversation=conversation, text="Ask for the budget")
    first, second = _form(owner_client, conversation), _form(owner_client, conversation)
    first[f"action-{item.pk}-remove"] = "on"
    _post(owner_client, conversation, first)
    second[f"action-{item.pk}-text"] = "Ask for the budget, by June"
    refused = _post(owner_client, conversation, second)
    assert refused.status_code == 409
    body = refused.content.decode()
    assert "was removed in another tab" in body
    assert 'value="Ask for the budget, by June"' in body
    assert not ActionItem.objects.exists()


# --- Action items and their steps -----------------------------------------------------


def test_an_action_with_a_goal_becomes_exactly_one_step(owner_client, owner, conversation):
    goal = GoalFactory(user=owner)
    data = _form(owner_client, conversation)
    data.update(
        {
            "new-0-text": "Shadow the tech lead",
            "new-0-goal": str(goal.pk),
            "new-0-due_date": "2027-07-01",
        }
    )
    assert _post(owner_client, conversation, data).status_code == 302
    item = ActionItem.objects.get()
    assert item.step.goal == goal
    assert item.step.title == "Shadow the tech lead"
    assert item.step.due_date == datetime.date(2027, 7, 1)
    # Saving the page again, untouched or edited, never makes a second step.
    _post(owner_client, conversation, _form(owner_client, conversation))
    data = _form(owner_client, conversation)
    data[f"action-{item.pk}-text"] = "Shadow the tech lead for a week"
    _post(owner_client, conversation, data)
    assert Task.objects.filter(goal=goal).count() == 1
    assert Task.objects.get().title == "Shadow the tech lead for a week"


def test_moving_an_action_to_another_goal_moves_its_one_step(owner_client, owner, conversation):
    first, second = GoalFactory(user=owner), GoalFactory(user=owner)
    item = ActionItemFactory(conversation=conversation, text="Read the RFC")
    data = _form(owner_client, conversation)
    data[f"action-{item.pk}-goal"] = str(first.pk)
    _post(owner_client, conversation, data)
    data = _form(owner_client, conversation)
    data[f"action-{item.pk}-goal"] = str(second.pk)
    _post(owner_client, conversation, data)
    item.refresh_from_db()
    assert Task.objects.count() == 1
    assert item.step.goal == second


def test_removing_an_action_keeps_its_step_unlinked(owner_client, owner, conversation):
    goal = GoalFactory(user=owner)
    data = _form(owner_client, conversation)
    data.update({"new-0-text": "Write the proposal", "new-0-goal": str(goal.pk)})
    _post(owner_client, conversation, data)
    item = ActionItem.objects.get()
    data = _form(owner_client, conversation)
    data[f"action-{item.pk}-remove"] = "on"
    assert _post(owner_client, conversation, data).status_code == 302
    assert not ActionItem.objects.exists()
    step = Task.objects.get()
    assert step.goal == goal
    assert step.title == "Write the proposal"


def test_an_actions_done_state_follows_its_step(owner_client, owner, conversation):
    goal = GoalFactory(user=owner)
    data = _form(owner_client, conversation)
    data.update({"new-0-text": "Ask for feedback", "new-0-goal": str(goal.pk)})
    _post(owner_client, conversation, data)
    item = ActionItem.objects.get()
    data = _form(owner_client, conversation)
    data[f"action-{item.pk}-done"] = "on"
    _post(owner_client, conversation, data)
    assert Task.objects.get().done_at is not None
    Task.objects.update(done_at=None)  # unticked on the goal page
    page = owner_client.get(conversation.get_absolute_url()).context["page"]
    assert page.item_forms[0].initial["done"] is False


def test_another_persons_goal_in_an_action_is_refused(owner_client, other_user, conversation):
    foreign = GoalFactory(user=other_user)
    data = _form(owner_client, conversation)
    data.update({"new-0-text": "Sneak in", "new-0-goal": str(foreign.pk), "notes": "Kept"})
    response = _post(owner_client, conversation, data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Choose one of your goals, or none." in body
    assert 'value="Sneak in"' in body
    assert "Kept" in body
    assert not ActionItem.objects.exists()
    assert not Task.objects.filter(goal=foreign).exists()


def test_an_action_needs_its_words(owner_client, owner, conversation):
    data = _form(owner_client, conversation)
    data["new-0-goal"] = str(GoalFactory(user=owner).pk)
    response = _post(owner_client, conversation, data)
    assert response.status_code == 422
    assert "Write the action this goal or date is for." in response.content.decode()


# --- Printing and deleting ------------------------------------------------------------


def test_the_printable_page_has_agenda_notes_and_actions_and_no_navigation(
    owner_client, conversation
):
    conversation.notes = "We agreed on a plan"
    conversation.save()
    ActionItemFactory(conversation=conversation, text="Send the summary")
    response = owner_client.get(reverse("reviews:conversation_print", args=[conversation.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("Talk about the move", "We agreed on a plan", "Send the summary"):
        assert text in body
    assert "site-header" not in body
    assert "<form" not in body
    assert "css/reviews.css" in body


def test_deleting_asks_first_then_deletes_and_keeps_steps(owner_client, owner, conversation):
    goal = GoalFactory(user=owner)
    data = _form(owner_client, conversation)
    data.update({"new-0-text": "Keep me", "new-0-goal": str(goal.pk)})
    _post(owner_client, conversation, data)
    url = reverse("reviews:conversation_delete", args=[conversation.pk])
    assert "Delete this conversation?" in owner_client.get(url).content.decode()
    assert owner_client.post(url).status_code == 302
    assert not Conversation.objects.exists()
    assert not ActionItem.objects.exists()
    assert Task.objects.filter(goal=goal, title="Keep me").exists()


# --- Another person's conversation --------------------------------------------------


@pytest.mark.parametrize(
    "name", ["reviews:conversation", "reviews:conversation_print", "reviews:conversation_delete"]
)
def test_another_persons_conversation_is_a_404_and_nothing_changes(
    name, owner, other_user, conversation
):
    ActionItemFactory(conversation=conversation)
    url = reverse(name, args=[conversation.pk])
    other = Client()
    other.force_login(other_user)
    before = list(Conversation.objects.values()), list(ActionItem.objects.values())
    assert other.get(url).status_code == 404
    assert other.post(url, {"agenda": "Mine now", "version": "0"}).status_code in {404, 405}
    assert (list(Conversation.objects.values()), list(ActionItem.objects.values())) == before


# --- Query counts ----------------------------------------------------------------------


@pytest.fixture
def busy(owner, member, conversation):
    """Many conversations, each with actions on goals."""
    for n in range(6):
        other = ConversationFactory(
            owner=owner, member=member, held_on=datetime.date(2027, 1, n + 1)
        )
        goal = GoalFactory(user=owner)
        ActionItemFactory(conversation=other, goal=goal)
    for _n in range(6):
        goal = GoalFactory(user=owner)
        ActionItemFactory(
            conversation=conversation, goal=goal, step=Task.objects.create(goal=goal, title="Step")
        )


@pytest.mark.parametrize("size", ["one", "many"])
def test_the_pages_query_counts_are_fixed(
    size, request, owner_client, conversation, member, django_assert_num_queries
):
    if size == "many":
        request.getfixturevalue("busy")
    # Session, user; the conversations; the circle's members.
    with django_assert_num_queries(4):
        owner_client.get(reverse("reviews:conversations"))
    # Session, user; the conversation; its actions with their goals and steps; the goals.
    with django_assert_num_queries(5):
        owner_client.get(conversation.get_absolute_url())
    # Session, user; the conversation; its actions.
    with django_assert_num_queries(4):
        owner_client.get(reverse("reviews:conversation_print", args=[conversation.pk]))
    # Session, user; the circle's members; savepoint, the agenda's eight, the insert,
    # release.
    with django_assert_num_queries(14):
        owner_client.post(reverse("reviews:conversation_prepare"), {"member": member.pk})
