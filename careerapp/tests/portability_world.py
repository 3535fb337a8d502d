"""What the export and import tests share: recognisable accounts and counts of rows."""

from __future__ import annotations

import json
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assessments.models import (
    Answer,
    LearningKind,
    LearningSuggestion,
    PersonalSkill,
    Question,
    Take,
)
from careerapp import tokens
from careerapp.models import DeliveryStatus, ReminderDelivery, User
from goals.models import (
    Decision,
    DecisionChange,
    DecisionCriterion,
    DecisionOption,
    DecisionScore,
    Goal,
    GoalChange,
    LearningItem,
    Task,
)
from reviews.models import (
    ActionItem,
    CheckIn,
    CircleMember,
    Comment,
    Conversation,
    FeedbackAnswer,
    FeedbackPromptSet,
    FeedbackRequest,
    GoalReview,
    NextStep,
    Reflection,
    ReflectionPrompt,
    Schedule,
    Win,
)

SECRET = "Oscar-only"


def mark_as_theirs(user: User) -> None:
    """Demo content is the same for everyone; make this person's words recognisable."""
    User.objects.filter(pk=user.pk).update(display_name=f"{SECRET} person")
    for goal in Goal.objects.for_user(user):
        Goal.objects.filter(pk=goal.pk).update(title=f"{SECRET} goal {goal.pk}")
    Task.objects.filter(goal__user=user).update(title=f"{SECRET} step")
    GoalReview.objects.filter(checkin__user=user).update(note=f"{SECRET} note")
    Reflection.objects.filter(checkin__user=user).update(answer=f"{SECRET} reflection")
    Answer.objects.filter(take__user=user, type="text").update(text=f"{SECRET} answer")
    Decision.objects.filter(user=user).update(question=f"{SECRET} question")
    for skill in PersonalSkill.objects.filter(user=user):
        PersonalSkill.objects.filter(pk=skill.pk).update(name=f"{SECRET} skill {skill.pk}")


def add_next_step(user: User) -> NextStep:
    checkin = CheckIn.objects.for_user(user).order_by("-period_start").first()
    goal = Goal.objects.for_user(user).first()
    task = Task.objects.create(goal=goal, title="Ask Jo for a mock interview")
    return NextStep.objects.create(checkin=checkin, goal=goal, task=task, title=task.title)


def small_account(user: User) -> None:
    """One row of every kind, so every prefetch has something to fetch."""
    question = Question.objects.filter(type="single").prefetch_related("options").first()
    option = question.options.all()[0]
    skill = PersonalSkill.objects.create(user=user, instrument=question.instrument, name="Kayak")
    goal = Goal.objects.create(user=user, title="Paddle", personal_skill=skill)
    task = Task.objects.create(goal=goal, title="Buy a paddle")
    GoalChange.objects.create(goal=goal, kind="created")
    take = Take.objects.create(user=user, instrument=question.instrument)
    Answer.objects.create(
        take=take,
        question=question,
        key=question.key,
        prompt=question.prompt,
        type=question.type,
        option_ids=[option.pk],
        option_labels=[option.label],
    )
    Schedule.objects.create(user=user)
    today = timezone.localdate()
    checkin = CheckIn.objects.create(
        user=user, period_start=today, period_end=today, cadence="monthly"
    )
    GoalReview.objects.create(checkin=checkin, goal=goal, goal_title=goal.title)
    prompt = ReflectionPrompt.objects.first()
    Reflection.objects.create(checkin=checkin, prompt=prompt, prompt_text=prompt.text)
    NextStep.objects.create(checkin=checkin, goal=goal, task=task, title=task.title)
    ReminderDelivery.objects.create(
        user=user, week=today, scheduled_for=timezone.now(), status=DeliveryStatus.SENT
    )
    decision = Decision.objects.create(user=user, question="Paddle or sail?", goal=goal)
    paddle = DecisionOption.objects.create(decision=decision, title="Paddle")
    DecisionOption.objects.create(decision=decision, title="Sail")
    criterion = DecisionCriterion.objects.create(decision=decision, name="Fun", weight=4)
    DecisionScore.objects.create(option=paddle, criterion=criterion, score=5)
    DecisionChange.objects.create(decision=decision, summary="Paddle on Fun: 5.")
    _small_learning(user, goal, skill)
    _small_circle(user, goal, task, question)


def _small_learning(user: User, goal: Goal, skill: PersonalSkill) -> None:
    suggestion = LearningSuggestion.objects.select_related("question").first()
    item = LearningItem.objects.create(
        user=user,
        kind=LearningKind.objects.get(slug="certification"),
        title="Paddle safety certificate",
        status="done",
        started_on=timezone.localdate(),
        finished_on=timezone.localdate(),
        expires_on=timezone.localdate(),
        hours="12.5",
        cost="80.00",
        currency="EUR",
        suggestion=suggestion,
    )
    item.skills.add(suggestion.question)
    item.personal_skills.add(skill)
    item.goals.add(goal)


def _small_circle(user: User, goal: Goal, task: Task, question: Question) -> None:
    salt, digest = tokens.issue(purpose="circle")
    member = CircleMember.objects.create(
        owner=user,
        name="Mo",
        email=f"mo.{user.pk}@example.org",
        link_salt=salt,
        token_hash=digest,
        expires_at=timezone.now(),
        goals_sharing="chosen",
    )
    member.goals.add(goal)
    member.instruments.add(question.instrument)
    comment = Comment.objects.create(
        owner=user, member=member, author_name="Mo", body="Nice", goal=goal
    )
    salt, digest = tokens.issue(purpose="feedback")
    request = FeedbackRequest.objects.create(
        owner=user,
        name="Mo",
        email="mo@example.org",
        prompt_set=FeedbackPromptSet.objects.first(),
        link_salt=salt,
        token_hash=digest,
        expires_at=timezone.now(),
    )
    answer = FeedbackAnswer.objects.create(request=request, prompt_text="Keep?", text="Yes")
    answer.picks.add(question)
    conversation = Conversation.objects.create(owner=user, member=member, with_name="Mo")
    ActionItem.objects.create(conversation=conversation, text="Paddle", goal=goal, step=task)
    win = Win.objects.create(
        user=user,
        title="Paddled across",
        goal=goal,
        task=task,
        checkin=CheckIn.objects.for_user(user).first(),
        comment=comment,
        member=member,
        noticed_by="Mo",
    )
    win.skills.add(Question.objects.filter(type="skill").first())
    win.personal_skills.add(goal.personal_skill)


def row_counts(document: dict[str, Any]) -> dict[str, int]:
    goals, takes = document["goals"], document["assessments"]["takes"]
    checkins = document["reviews"]["checkins"]
    decisions = document["decisions"]
    return {
        "goals": len(goals),
        "tasks": sum(len(goal["tasks"]) for goal in goals),
        "changes": sum(len(goal["changes"]) for goal in goals),
        "personal_skills": len(document["assessments"]["personal_skills"]),
        "takes": len(takes),
        "answers": sum(len(take["answers"]) for take in takes),
        "checkins": len(checkins),
        "goal_reviews": sum(len(c["goal_reviews"]) for c in checkins),
        "reflections": sum(len(c["reflections"]) for c in checkins),
        "next_steps": sum(len(c["next_steps"]) for c in checkins),
        "reminder_deliveries": len(document["reminder_deliveries"]),
        "decisions": len(decisions),
        "decision_options": sum(len(d["options"]) for d in decisions),
        "decision_criteria": sum(len(d["criteria"]) for d in decisions),
        "decision_scores": sum(len(d["scores"]) for d in decisions),
        "decision_changes": sum(len(d["changes"]) for d in decisions),
        "wins": len(document["wins"]["wins"]),
        "learning": len(document["learning"]),
        "learning_links": sum(
            len(i["skills"]) + len(i["personal_skill_refs"]) + len(i["goal_refs"])
            for i in document["learning"]
        ),
    }


def counts_in_database(user: User) -> dict[str, int]:
    return {
        "goals": Goal.objects.filter(user=user).count(),
        "tasks": Task.objects.filter(goal__user=user).count(),
        "changes": GoalChange.objects.filter(goal__user=user).count(),
        "personal_skills": PersonalSkill.objects.filter(user=user).count(),
        "takes": Take.objects.filter(user=user).count(),
        "answers": Answer.objects.filter(take__user=user).count(),
        "checkins": CheckIn.objects.filter(user=user).count(),
        "goal_reviews": GoalReview.objects.filter(checkin__user=user).count(),
        "reflections": Reflection.objects.filter(checkin__user=user).count(),
        "next_steps": NextStep.objects.filter(checkin__user=user).count(),
        "reminder_deliveries": ReminderDelivery.objects.filter(user=user).count(),
        "decisions": Decision.objects.filter(user=user).count(),
        "decision_options": DecisionOption.objects.filter(decision__user=user).count(),
        "decision_criteria": DecisionCriterion.objects.filter(decision__user=user).count(),
        "decision_scores": DecisionScore.objects.filter(option__decision__user=user).count(),
        "decision_changes": DecisionChange.objects.filter(decision__user=user).count(),
        "wins": Win.objects.filter(user=user).count(),
        "learning": LearningItem.objects.filter(user=user).count(),
        "learning_links": sum(
            through.objects.filter(learningitem__user=user).count()
            for through in (
                LearningItem.skills.through,
                LearningItem.personal_skills.through,
                LearningItem.goals.through,
            )
        ),
    }


def upload(content: bytes, name: str = "career-compass.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/json")


def without_what_must_differ(document: dict[str, Any]) -> dict[str, Any]:
    document = json.loads(json.dumps(document))
    document.pop("exported_at")
    document["profile"].pop("date_joined")
    return document
