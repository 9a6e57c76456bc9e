"""Wagtail's default workflow, "Moderators approval" with one group approval task for its English
"Moderators" group, gets Polish names and is approved by the editors' group "Redaktorzy". The demo
loader deletes the English groups; an approval task without a group could only be approved by an
administrator."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
WAGTAIL_GROUP = "Moderators"
WORKFLOW_NAME = "Akceptacja przed publikacją"
TASK_NAME = "Zatwierdzenie przez redakcję"
EDITORS = "Redaktorzy"


def name_workflow_in_polish(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    Workflow.objects.filter(name=WAGTAIL_NAME).update(name=WORKFLOW_NAME)
    for task in GroupApprovalTask.objects.filter(name=WAGTAIL_NAME):
        editors, _created = Group.objects.get_or_create(name=EDITORS)
        task.name = TASK_NAME
        task.save()
        task.groups.set([editors])


def name_workflow_in_english(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(name=WAGTAIL_NAME)
    for task in GroupApprovalTask.objects.filter(name=TASK_NAME):
        task.name = WAGTAIL_NAME
        task.save()
        task.groups.set(Group.objects.filter(name=WAGTAIL_GROUP))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_polish_labels"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(name_workflow_in_polish, name_workflow_in_english)]
