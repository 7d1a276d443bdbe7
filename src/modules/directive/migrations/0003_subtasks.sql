-- Sub-tasks assigned down to units and persons, the person responsible for a task, and why a task
-- was stopped.
ALTER TABLE tasks ADD COLUMN parent_id BIGINT REFERENCES tasks (id);
ALTER TABLE tasks ADD COLUMN responsible_staff_id BIGINT REFERENCES staff (id);
ALTER TABLE tasks ADD COLUMN stop_reason TEXT;
CREATE INDEX tasks_parent ON tasks (parent_id);
