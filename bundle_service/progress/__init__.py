"""Progress: what happens to an application after filing, and the clocks that measure it.

Owns the task statuses, the application's overall state and the traffic light (``states``), a department's
status changes of a task with their history and audit (``workflow``), working days with statutory holidays and
调休 (``working_days``), an admin's loading of a year's holiday schedule and the due dates it moves
(``holiday_schedules``), and the owner check (number + last 6 ID digits, throttled) before anyone sees or rates an
application (``owner_verification``).

Called by the API routes ``department_tasks`` ("a department changes a task's status"), ``progress``, ``me``,
``hotline`` and ``calendar``, by filing and dispatch (``applications/``) for due dates, and by the hotline's
complaint work for its own clocks.
"""
