"""The mail server down: a resident's comment is still saved and they are told so; the worker records
the e-mail's failed run and queues it again later, for the messages that did not go out only, and
sends it once the server is back. The real path: the database task queue and `db_worker`, SMTP to
a refused port on 127.0.0.1, then to a small SMTP server there."""

import signal
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from consultation.choices import SubmissionStatus
from consultation.models import Submission
from consultation.tasks import NEW_SUBMISSION_MESSAGES, notify_decision, notify_new_submission
from tests.consultation_fixtures import field_names, post_comment
from tests.fault_servers import SmtpServer, closed_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("instant_forms", "worker_in_test_transaction")]

TASK = "consultation.tasks.notify_new_submission"


@pytest.fixture
def mail_down(settings):
    """SMTP through the database task queue, to a port that refuses connections."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    return settings


@pytest.fixture
def worker_in_test_transaction(monkeypatch):
    """The worker drops a connection left outside autocommit, as the test's transaction is; and it
    leaves its own SIGINT/SIGTERM handlers installed, which would turn the run's later signals into
    a SystemExit in whatever test is running: pytest's are put back."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in signals}
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)


@pytest.fixture
def mail_server():
    server = SmtpServer()
    yield server
    server.stop()


def run_worker():
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def runs(task_path=TASK):
    return list(DBTaskResult.objects.filter(task_path=task_path).order_by("enqueued_at"))


def make_due(run):
    DBTaskResult.objects.filter(pk=run.pk).update(run_after=timezone.now() - timedelta(seconds=1))


def test_comment_is_saved_while_the_mail_server_is_down_and_mailed_once_it_is_back(
    client, consultations, mail_down, mail_server, django_capture_on_commit_callbacks
):
    page = consultations.open
    page.notify_emails = "moderacja@sosnowiec.invalid"
    page.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, page, email="anna@example.com", text="Uwaga przy awarii poczty")

    assert response.status_code == 302
    assert "Dziękujemy! Otrzymaliśmy Twoje zgłoszenie." in client.get(page.url).content.decode()
    submission = Submission.objects.get()
    assert "Uwaga przy awarii poczty" in str(submission.form_data)

    run_worker()

    failed, retry = runs()
    assert failed.status == "FAILED"
    assert "ConnectionRefusedError" in failed.exception_class_path
    assert retry.status == "READY"
    assert retry.args_kwargs == {
        "args": [submission.pk, list(NEW_SUBMISSION_MESSAGES)],
        "kwargs": {"attempt": 2},
    }
    assert 50 <= (retry.run_after - timezone.now()).total_seconds() <= 61
    assert "anna@example.com" not in str(retry.args_kwargs)

    run_worker()  # not due yet: nothing is tried
    assert DBTaskResult.objects.get(pk=retry.pk).status == "READY"

    mail_down.EMAIL_PORT = mail_server.port
    make_due(retry)
    run_worker()

    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert sorted(envelope["to"][0] for envelope in mail_server.received) == [
        "anna@example.com",
        "moderacja@sosnowiec.invalid",
    ]
    assert len(runs()) == 2


def test_only_the_message_that_did_not_go_out_is_sent_again(consultations, mail_down, monkeypatch):
    submission = Submission.objects.create(page=consultations.open, form_data={})
    sent = []

    def moderators_fail(submission):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr("consultation.tasks.send_to_moderators", moderators_fail)
    monkeypatch.setattr("consultation.tasks.send_confirmation", lambda submission: sent.append("sender"))
    notify_new_submission.enqueue(submission.pk)
    run_worker()

    assert sent == ["sender"]
    retry = runs()[-1]
    assert retry.args_kwargs["args"] == [submission.pk, ["moderators"]]

    monkeypatch.setattr("consultation.tasks.send_to_moderators", lambda submission: sent.append("moderators"))
    make_due(retry)
    run_worker()

    assert sent == ["sender", "moderators"]


def test_retries_stop_after_the_last_delay_with_an_error_logged(consultations, mail_down, caplog):
    mail_down.EMAIL_RETRY_DELAYS = [60, 60]
    page = consultations.open
    submission = Submission.objects.create(
        page=page, form_data={field_names(page)["email"]: "jan@example.com"}, status=SubmissionStatus.APPROVED
    )
    notify_decision.enqueue(submission.pk)

    for _attempt in range(5):
        for waiting in DBTaskResult.objects.filter(status="READY"):
            make_due(waiting)
        run_worker()

    attempts = runs("consultation.tasks.notify_decision")
    assert [run.status for run in attempts] == ["FAILED"] * 3
    assert [run.args_kwargs["kwargs"].get("attempt", 1) for run in attempts] == [1, 2, 3]
    assert "not sent after 3 attempts" in caplog.text


def test_a_failing_mail_server_never_fails_the_request(
    client, consultations, mail_down, settings, django_capture_on_commit_callbacks, caplog
):
    """With a queue that runs tasks at once (no delayed retry there): the failure stays in the task."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, consultations.open, email="ewa@example.com")

    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert "notify_new_submission not sent after 1 attempts" in caplog.text
