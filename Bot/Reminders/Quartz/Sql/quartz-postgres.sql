-- OrganBot: tables of Quartz.NET's ADO job store (postgres), created at start-up by QuartzSchema.
-- Idempotent (IF NOT EXISTS); never drops. Statements end with a line reading ';'. Prefix: qrtz_.

CREATE TABLE IF NOT EXISTS qrtz_job_details (
    sched_name TEXT NOT NULL,
    job_name TEXT NOT NULL,
    job_group TEXT NOT NULL,
    description TEXT,
    job_class_name TEXT NOT NULL,
    is_durable BOOLEAN NOT NULL,
    is_nonconcurrent BOOLEAN NOT NULL,
    is_update_data BOOLEAN NOT NULL,
    requests_recovery BOOLEAN NOT NULL,
    job_data BYTEA,
    PRIMARY KEY (sched_name, job_name, job_group)
)
;
CREATE TABLE IF NOT EXISTS qrtz_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    job_name TEXT NOT NULL,
    job_group TEXT NOT NULL,
    description TEXT,
    next_fire_time BIGINT,
    prev_fire_time BIGINT,
    priority INTEGER,
    trigger_state TEXT NOT NULL,
    trigger_type TEXT NOT NULL,
    start_time BIGINT NOT NULL,
    end_time BIGINT,
    calendar_name TEXT,
    misfire_instr INTEGER,
    misfire_orig_fire_time BIGINT,
    execution_group TEXT,
    preferred_node TEXT,
    preferred_node_auto BOOLEAN DEFAULT FALSE NOT NULL,
    retry_policy TEXT,
    retry_attempt INTEGER,
    continues_trigger_name TEXT,
    continues_trigger_group TEXT,
    continuation_condition INTEGER,
    overlap_policy INTEGER,
    pause_reason TEXT,
    paused_by TEXT,
    paused_at BIGINT,
    misfire_threshold BIGINT,
    fixed_delay BOOLEAN,
    job_data BYTEA,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group)
)
;
CREATE TABLE IF NOT EXISTS qrtz_simple_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    repeat_count BIGINT NOT NULL,
    repeat_interval BIGINT NOT NULL,
    times_triggered BIGINT NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
)
;
CREATE TABLE IF NOT EXISTS qrtz_cron_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    cron_expression TEXT NOT NULL,
    time_zone_id TEXT,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
)
;
CREATE TABLE IF NOT EXISTS qrtz_simprop_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    str_prop_1 TEXT,
    str_prop_2 TEXT,
    str_prop_3 TEXT,
    int_prop_1 INTEGER,
    int_prop_2 INTEGER,
    long_prop_1 BIGINT,
    long_prop_2 BIGINT,
    dec_prop_1 NUMERIC,
    dec_prop_2 NUMERIC,
    bool_prop_1 BOOLEAN,
    bool_prop_2 BOOLEAN,
    time_zone_id TEXT,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
)
;
CREATE TABLE IF NOT EXISTS qrtz_blob_triggers (
    sched_name TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    blob_data BYTEA,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
)
;
CREATE TABLE IF NOT EXISTS qrtz_calendars (
    sched_name TEXT NOT NULL,
    calendar_name TEXT NOT NULL,
    calendar BYTEA NOT NULL,
    PRIMARY KEY (sched_name, calendar_name)
)
;
CREATE TABLE IF NOT EXISTS qrtz_paused_trigger_grps (
    sched_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    pause_reason TEXT,
    paused_by TEXT,
    paused_at BIGINT,
    PRIMARY KEY (sched_name, trigger_group)
)
;
CREATE TABLE IF NOT EXISTS qrtz_paused_job_grps (
    sched_name TEXT NOT NULL,
    job_group TEXT NOT NULL,
    pause_reason TEXT,
    paused_by TEXT,
    paused_at BIGINT,
    PRIMARY KEY (sched_name, job_group)
)
;
CREATE TABLE IF NOT EXISTS qrtz_fired_triggers (
    sched_name TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    trigger_name TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    instance_name TEXT NOT NULL,
    fired_time BIGINT NOT NULL,
    sched_time BIGINT NOT NULL,
    priority INTEGER NOT NULL,
    state TEXT NOT NULL,
    job_name TEXT,
    job_group TEXT,
    is_nonconcurrent BOOLEAN,
    requests_recovery BOOLEAN,
    execution_group TEXT,
    progress INTEGER,
    progress_message TEXT,
    interrupt_requested_time BIGINT,
    PRIMARY KEY (sched_name, entry_id)
)
;
CREATE TABLE IF NOT EXISTS qrtz_scheduler_state (
    sched_name TEXT NOT NULL,
    instance_name TEXT NOT NULL,
    last_checkin_time BIGINT NOT NULL,
    checkin_interval BIGINT NOT NULL,
    quartz_version TEXT,
    PRIMARY KEY (sched_name, instance_name)
)
;
CREATE TABLE IF NOT EXISTS qrtz_locks (
    sched_name TEXT NOT NULL,
    lock_name TEXT NOT NULL,
    PRIMARY KEY (sched_name, lock_name)
)
;
CREATE TABLE IF NOT EXISTS qrtz_job_status (
    sched_name TEXT NOT NULL,
    job_group TEXT NOT NULL,
    job_name TEXT NOT NULL,
    first_fired_time BIGINT NOT NULL,
    last_fired_time BIGINT NOT NULL,
    last_result INTEGER NOT NULL,
    last_run_time BIGINT NOT NULL,
    last_instance_name TEXT NOT NULL,
    last_entry_id TEXT,
    last_summary TEXT,
    last_success_time BIGINT,
    last_failure_time BIGINT,
    last_failure_message TEXT,
    consecutive_failures INTEGER DEFAULT 0 NOT NULL,
    run_count BIGINT DEFAULT 0 NOT NULL,
    failure_count BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (sched_name, job_group, job_name)
)
;
CREATE INDEX IF NOT EXISTS idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name)
;
CREATE INDEX IF NOT EXISTS idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group)
;
CREATE INDEX IF NOT EXISTS idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name)
;
CREATE INDEX IF NOT EXISTS idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name)
;
CREATE INDEX IF NOT EXISTS idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time, priority desc, misfire_instr)
;
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_inst ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery)
;
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group)
;
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group)
;
