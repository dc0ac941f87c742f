-- Keys and indexes for the catalogue's read path at scale (issue 5, P3).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+. H2 has no expression indexes, so the lower-case
-- forms that lookups compare with are stored in columns of their own and indexed.

-- The team filter of the services table: LOWER(team), kept by the recorder whenever the team is written.
ALTER TABLE service ADD COLUMN team_key VARCHAR(200);
UPDATE service SET team_key = LOWER(team);
CREATE INDEX service_team_key ON service (team_key);

-- Exposure by package: LOWER(package_name), and LOWER(purl) up to its first '@' (a purl without its version).
ALTER TABLE finding ADD COLUMN package_key VARCHAR(1000);
ALTER TABLE finding ADD COLUMN purl_key VARCHAR(1000);
UPDATE finding SET package_key = LOWER(package_name),
    purl_key = CASE WHEN POSITION('@' IN purl) > 0 THEN LOWER(SUBSTRING(purl FROM 1 FOR POSITION('@' IN purl) - 1))
        ELSE LOWER(purl) END
    WHERE package_name IS NOT NULL OR purl IS NOT NULL;
CREATE INDEX finding_package_key ON finding (package_key);
CREATE INDEX finding_purl_key ON finding (purl_key);
DROP INDEX finding_package;

-- SLA breaches of one service or one page of services: a range scan per (service, state, severity).
-- It replaces finding_service_state (its prefix) and finding_state_severity (which made H2 read every open
-- finding of a severity in the catalogue to count one service's breaches).
CREATE INDEX finding_sla ON finding (service_id, state, severity, first_seen);
DROP INDEX finding_service_state;
DROP INDEX finding_state_severity;

-- Retention looks up whether a scan or deployment still comes from a recording. H2 indexes foreign keys by
-- itself, PostgreSQL does not.
CREATE INDEX scan_recording ON scan (recording_id);
CREATE INDEX deployment_recording ON deployment (recording_id);
