#!/usr/bin/python3
"""Writes a realistic Bizy import file (docs/api.md sync shape) for the
screenshots: a small company's goal tree over the four horizons and about
sixty tasks around today, some done over the last weeks. Dates are relative to
now, so the Today, Upcoming and Overdue views and the dashboard's last 30 days
always have something in them. Used by scripts/screenshots.sh and the accessibility check
(tests/ui/accessibility_check.py). Usage: sample-data.py OUT.json"""

import datetime as dt
import json
import random
import sys
import uuid

random.seed(7)
now = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
today = now.astimezone().replace(hour=0, minute=0)


def at(days, hour=17, minute=0):
    local = today + dt.timedelta(days=days)
    return local.replace(hour=hour, minute=minute).astimezone(dt.timezone.utc).isoformat()


goals = []


def goal(title, horizon, target_days, parent=None, status="active", description=None):
    row = {
        "uuid": str(uuid.uuid4()),
        "title": title,
        "horizon": horizon,
        "status": status,
        "target_date": at(target_days),
        "parent_goal_uuid": parent["uuid"] if parent else None,
        "description": description,
        "progress_percentage": 0,
    }
    goals.append(row)
    return row


revenue = goal("Grow revenue to €2M", "yearly", 390,
               description="New customers in the Nordics and Benelux, churn under 3 %.")
q1_sales = goal("Land 5 enterprise customers", "quarterly", 110, revenue)
pipeline = goal("Build a pipeline of 40 qualified leads", "monthly", 30, q1_sales)
calls = goal("Hold 10 discovery calls", "weekly", 5, pipeline)
partners = goal("Sign two reseller partners", "quarterly", 120, revenue, status="on_hold")
launch = goal("Launch the mobile app", "yearly", 300)
beta = goal("Public beta with 200 teams", "quarterly", 95, launch)
onboarding = goal("Redesign onboarding", "monthly", 24, beta)
team = goal("Hire and grow the team", "yearly", 360)
hiring = goal("Hire two backend engineers", "quarterly", 80, team)

tasks = []


def task(title, days=None, hour=17, priority=3, status="pending", category=None, tags=None,
         goal_row=None, estimated=None, done_days_ago=None, description=None):
    row = {
        "uuid": str(uuid.uuid4()),
        "title": title,
        "priority": priority,
        "status": status,
        "category": category,
        "tags": tags,
        "due_date": at(days, hour) if days is not None else None,
        "parent_goal_uuid": goal_row["uuid"] if goal_row else None,
        "estimated_hours": estimated,
        "description": description,
    }
    if status == "completed":
        row["completed_at"] = at(-done_days_ago, random.randint(9, 18), random.choice([0, 15, 30, 45]))
    tasks.append(row)
    return row


task("Call Alice about the renewal", 0, 15, 1, category="sales", tags=["acme"], goal_row=calls,
     estimated=0.5)
task("Send the Q1 proposal to Northwind", 0, 12, 1, "in_progress", "sales", ["northwind"],
     q1_sales, 3, description="Pricing for 250 seats, with the onboarding package.")
task("Review the onboarding mock-ups", 0, 16, 2, category="product", tags=["design"],
     goal_row=onboarding, estimated=2)
task("Pay the office rent", 0, 10, 2, category="finance")
task("Prepare the board update", 1, 9, 1, category="management", tags=["board"], estimated=4)
task("Discovery call with Contoso", 1, 14, 2, category="sales", tags=["contoso"], goal_row=calls)
task("Interview: backend candidate (Jonas)", 2, 11, 2, category="hiring", goal_row=hiring)
task("Write the beta invitation email", 3, 17, 3, category="marketing", tags=["beta"],
     goal_row=beta, estimated=1.5)
task("Discovery call with Fabrikam", 3, 10, 2, category="sales", tags=["fabrikam"], goal_row=calls)
task("Plan the sales offsite", 5, 17, 3, category="sales", tags=["team"])
task("Update the pricing page", 6, 17, 3, "blocked", "marketing", ["website"],
     description="Waits for the new plan names from finance.")
task("Renew the SSL certificates", 6, 12, 2, category="operations")
task("Quarterly VAT return", 12, 17, 1, category="finance", estimated=3)
task("Draft the partner programme terms", 20, 17, 4, category="sales", goal_row=partners)
task("Book flights to the Berlin conference", 25, 17, 4, category="travel")
task("Usability test with five beta teams", 18, 17, 2, category="product", tags=["research"],
     goal_row=beta, estimated=6)
task("Publish the job ad on LinkedIn", -1, 17, 2, category="hiring", goal_row=hiring)
task("Follow up with Tailspin after the demo", -2, 15, 1, category="sales", tags=["tailspin"],
     goal_row=pipeline)
task("Expense report for November", -4, 17, 3, category="finance")
task("Fix the signup crash on Android 12", -1, 12, 1, "in_progress", "product", ["bug", "mobile"],
     beta, 4)
task("Collect testimonials from pilot customers", None, priority=4, category="marketing",
     tags=["website"])
task("Read “The Mom Test”", None, priority=5, category="learning")
task("Clean up the CRM duplicates", None, priority=4, category="sales", estimated=2)
task("Sketch the Q2 roadmap", None, priority=3, category="product", goal_row=launch)
task("Set up the referral bonus", None, priority=3, category="hiring", goal_row=hiring)

done = [
    ("Sign the contract with Woodgrove", "sales", q1_sales), ("Demo for Litware", "sales", calls),
    ("Send the newsletter", "marketing", None), ("Interview: Sara (backend)", "hiring", hiring),
    ("Choose the analytics vendor", "product", beta), ("Pay the freelancers", "finance", None),
    ("Onboarding: first-run checklist", "product", onboarding),
    ("Lead list from the trade fair", "sales", pipeline), ("Blog post: offline-first", "marketing", None),
    ("Backup restore drill", "operations", None), ("Discovery call with Adatum", "sales", calls),
    ("Update the investor deck", "management", None),
]
for i in range(34):
    title, category, goal_row = done[i % len(done)]
    suffix = "" if i < len(done) else f" ({i // len(done) + 1})"
    task(title + suffix, -random.randint(1, 29), priority=random.choice([1, 2, 2, 3, 3, 4]),
         status="completed", category=category, goal_row=goal_row,
         estimated=random.choice([None, 1, 2, 3]), done_days_ago=random.randint(0, 29))

with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"goals": goals, "tasks": tasks}, out, ensure_ascii=False, indent=2)
print(f"{len(goals)} goals, {len(tasks)} tasks")
