-- Metadata read from the service's repository, where each value came from and when it was read.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE service ADD COLUMN topics VARCHAR(2000);
ALTER TABLE service ADD COLUMN default_branch VARCHAR(300);
ALTER TABLE service ADD COLUMN archived BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE service ADD COLUMN visibility VARCHAR(20);
ALTER TABLE service ADD COLUMN primary_language VARCHAR(100);
ALTER TABLE service ADD COLUMN latest_release VARCHAR(300);

-- One row per service and metadata field: pipeline, github or codeowners, and when the value was given or read.
CREATE TABLE service_metadata_source (
    service_id BIGINT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    field_name VARCHAR(30) NOT NULL,
    source VARCHAR(20) NOT NULL,
    read_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (service_id, field_name)
);
