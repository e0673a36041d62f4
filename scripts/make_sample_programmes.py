"""Write the synthetic commune's programme sheets: trainees, their outcomes, job-fair sessions.

The same made-up commune as ``make_sample_commune.py`` (trainees carry pseudonymous IDs
shaped like its members', ``XA-0001-1`` …), in 2024-2025: who enrolled on which vocational
course (the course embedded as JSON, so the training field is known), the follow-up
of each trainee some months after the course, and the job-exchange sessions and fairs
held for the commune. Headers are the records' Vietnamese field labels, dates
dd/mm/yyyy, yes/no as ``có``/``không``: what :func:`vnlabor.io.read_records` reads.
Nobody in it is real; the rates are plausible, not any province's. The output is the
same for the same seed:

    python scripts/make_sample_programmes.py            # writes src/vnlabor/sample_data/commune/
    python scripts/make_sample_programmes.py --check    # exits 1 if the files differ from it

CI runs ``--check``, so the committed sheets always match this script.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from vnlabor.l10n.labels import field_label
from vnlabor.model import Enrolment, JobFairSession, TrainingOutcome

SEED = 2026
OUT = Path(__file__).resolve().parents[1] / "src" / "vnlabor" / "sample_data" / "commune"
MEMBERS = 3_000 * 4  # the member IDs XA-0001-1 … exist for about four per household
TRAINEES = 900
FIRST_DAY = date(2024, 1, 8)
LAST_DAY = date(2025, 10, 31)

COURSES = [  # id, level, cost (VND), field, study days
    ("XA-KN-01", "under_3_months", 3_500_000, "agricultural", 45),  # trồng trọt
    ("XA-KN-02", "under_3_months", 3_000_000, "agricultural", 40),  # chăn nuôi
    ("XA-KN-03", "elementary", 4_500_000, "agricultural", 60),  # nuôi trồng thuỷ sản
    ("XA-PN-01", "under_3_months", 4_000_000, "non_agricultural", 45),  # may công nghiệp
    ("XA-PN-02", "elementary", 6_000_000, "non_agricultural", 75),  # điện dân dụng
    ("XA-PN-03", "elementary", 5_500_000, "non_agricultural", 70),  # sửa chữa xe máy
]
STATUS = [("poor", 12), ("near_poor", 18), ("non_poor", 70)]
EMPLOYMENT = [
    ("new_job", 38),
    ("higher_productivity_or_income", 30),
    ("self_employed", 12),
    ("not_employed", 14),
    ("unknown", 6),
]
KINDS = [("mobile_session", 60), ("job_exchange_session", 25), ("job_fair", 15)]


def pick(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    """One of ``choices`` (value, weight)."""
    values = [value for value, _ in choices]
    weights = [weight for _, weight in choices]
    return rng.choices(values, weights)[0]


def yes_no(value: bool) -> str:
    """``có`` or ``không``, as the review sheets write them."""
    return "có" if value else "không"


def day(value: date) -> str:
    """dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y")


Sheet = type[Enrolment | TrainingOutcome | JobFairSession]


def header(model: Sheet, fields: list[str]) -> list[str]:
    """The fields' Vietnamese labels, capitalised, as a commune's sheet heads them."""
    labels = [field_label(model, f, "vi") for f in fields]
    return [text[:1].upper() + text[1:] for text in labels]


ENROLMENT_FIELDS = ["trainee_id", "course", "enrolled_on", "sex", "area", "household_status"]
OUTCOME_FIELDS = ["trainee_id", "course_id", "completed", "certified", "employment", "known_on"]
SESSION_FIELDS = ["kind", "held_on", "place", "attendance", "employers", "vacancies", "hires"]


def sheets(seed: int = SEED) -> dict[str, str]:
    """The three sheets' text by file name."""
    rng = random.Random(seed)
    people = rng.sample(range(MEMBERS), TRAINEES)
    enrolments, outcomes, sessions = io.StringIO(), io.StringIO(), io.StringIO()
    ew, ow, sw = (csv.writer(s, lineterminator="\n") for s in (enrolments, outcomes, sessions))
    ew.writerow(header(Enrolment, ENROLMENT_FIELDS))
    ow.writerow(header(TrainingOutcome, OUTCOME_FIELDS))
    sw.writerow(header(JobFairSession, SESSION_FIELDS))
    span = (LAST_DAY - FIRST_DAY).days
    for person in sorted(people):
        trainee = f"XA-{person // 4 + 1:04d}-{person % 4 + 1}"
        course_id, level, cost, field, study_days = rng.choice(COURSES)
        course = {
            "course_id": course_id,
            "level": level,
            "cost": cost,
            "field": field,
            "study_days": study_days,
        }
        enrolled = FIRST_DAY + timedelta(days=rng.randrange(span))
        status = pick(rng, STATUS)
        ew.writerow(
            [
                trainee,
                json.dumps(course, ensure_ascii=False),
                day(enrolled),
                rng.choice(["nam", "nữ"]),
                "nông thôn",
                {"poor": "hộ nghèo", "near_poor": "hộ cận nghèo", "non_poor": ""}[status],
            ]
        )
        if rng.random() < 0.08:  # not followed up yet
            continue
        completed = rng.random() < 0.93
        certified = completed and rng.random() < 0.85
        employment = pick(rng, EMPLOYMENT) if completed else "not_employed"
        follow_up = enrolled + timedelta(days=study_days + rng.randrange(90, 240))
        ow.writerow(
            [
                trainee,
                course_id,
                yes_no(completed),
                yes_no(certified),
                employment,
                day(follow_up),
            ]
        )
    held = FIRST_DAY
    while held <= LAST_DAY:
        kind = pick(rng, KINDS)
        attendance = rng.randrange(60, 400) if kind != "job_fair" else rng.randrange(400, 1500)
        employers = max(3, attendance // rng.randrange(15, 40))
        vacancies = employers * rng.randrange(8, 30)
        recorded = rng.random() > 0.05  # a few sessions without attendance recorded
        sw.writerow(
            [
                kind,
                day(held),
                rng.choice(["Nhà văn hoá xã", "Trung tâm dịch vụ việc làm", "Sân UBND xã"]),
                attendance if recorded else "",
                employers,
                vacancies,
                rng.randrange(attendance // 20, attendance // 6),
            ]
        )
        held += timedelta(days=rng.randrange(21, 45))
    return {
        "enrolments.csv": enrolments.getvalue(),
        "training_outcomes.csv": outcomes.getvalue(),
        "job_fairs.csv": sessions.getvalue(),
    }


def main(argv: list[str] | None = None) -> int:
    """Write the three sheets (or, with ``--check``, compare them with the bundled ones)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=OUT, help="folder of the sheets")
    args = parser.parse_args(argv)
    texts = sheets()
    if args.check:
        stale = [
            n
            for n, t in texts.items()
            if not (args.out / n).exists() or (args.out / n).read_text("utf-8") != t
        ]
        for name in stale:
            print(f"{args.out / name} differs from the script's output", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
