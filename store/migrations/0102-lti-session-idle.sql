-- How long a session may stay idle, per session: the transport's limit, lowered at launch to the
-- district's contract (privacy_contracts.session_idle_minutes) when that is shorter. Sessions
-- opened before this column existed keep their transport's limit (NULL).
ALTER TABLE lti_sessions ADD COLUMN idle_seconds integer CHECK (idle_seconds > 0);
