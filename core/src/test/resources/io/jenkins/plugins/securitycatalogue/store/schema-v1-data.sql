-- A catalogue as schema version 1 left it: two services, links, recordings, deployments (one past), scans,
-- open, fixed and suppressed findings with aliases. Written by hand from V1__catalogue.sql; never edit it
-- to follow a newer schema: it stands for databases in the field. Ids are explicit; the harness moves the
-- identity sequences past them as the application would have.
INSERT INTO catalogue_meta (meta_key, meta_value) VALUES ('secret-hash-key',
    '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');

INSERT INTO service (id, name, team, description, repository, tier, created_at, updated_at, last_recorded_at,
    last_scanned_at, last_recording_id, open_critical, open_high, open_medium, open_low, open_info, open_unknown,
    suppressed_count, new_count, fixed_count)
VALUES (1, 'payments-api', 'payments', 'Takes payments', 'https://git.example.org/payments', 'tier-1',
    TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00',
    2, 1, 0, 0, 0, 0, 0, 1, 0, 1);
INSERT INTO service (id, name, team, created_at, updated_at, last_recorded_at, last_recording_id)
VALUES (2, 'web-shop', 'shop', TIMESTAMP WITH TIME ZONE '2026-01-07 10:30:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-07 10:30:00+00', TIMESTAMP WITH TIME ZONE '2026-01-07 10:30:00+00', 3);

INSERT INTO service_link (service_id, link_name, url)
VALUES (1, 'grafana', 'https://grafana.example.org/d/payments');

INSERT INTO recording (id, service_id, service_version, environment, recorded_at, build_job, build_number,
    build_url, new_count, fixed_count, open_count)
VALUES (1, 1, '1.0', 'production', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', 'payments/main', 11,
    'https://ci.example.org/job/payments/11/', 2, 0, 2);
INSERT INTO recording (id, service_id, service_version, environment, recorded_at, build_job, build_number,
    build_url, new_count, fixed_count, open_count)
VALUES (2, 1, '1.1', 'production', TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00', 'payments/main', 12,
    'https://ci.example.org/job/payments/12/', 0, 1, 1);
INSERT INTO recording (id, service_id, service_version, environment, recorded_at, new_count, fixed_count,
    open_count)
VALUES (3, 2, '2.0', 'staging', TIMESTAMP WITH TIME ZONE '2026-01-07 10:30:00+00', 0, 0, 0);

INSERT INTO deployment (id, service_id, environment, service_version, deployed_at, recording_id,
    current_deployment)
VALUES (1, 1, 'production', '1.0', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', 1, FALSE);
INSERT INTO deployment (id, service_id, environment, service_version, deployed_at, recording_id,
    current_deployment)
VALUES (2, 1, 'production', '1.1', TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00', 2, TRUE);
INSERT INTO deployment (id, service_id, environment, service_version, deployed_at, recording_id,
    current_deployment)
VALUES (3, 2, 'staging', '2.0', TIMESTAMP WITH TIME ZONE '2026-01-07 10:30:00+00', 3, TRUE);

INSERT INTO scan (id, service_id, tool, service_version, recording_id, scanned_at, complete, incomplete_reason,
    finding_count)
VALUES (1, 1, 'Trivy', '1.0', 1, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', TRUE, NULL, 2);
INSERT INTO scan (id, service_id, tool, service_version, recording_id, scanned_at, complete, incomplete_reason,
    finding_count)
VALUES (2, 1, 'Trivy', '1.1', 2, TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00', TRUE, NULL, 2);

INSERT INTO finding (id, service_id, tool, fingerprint, kind, identifier, title, description, severity,
    cvss_score, cvss_vector, cwes, package_name, purl, installed_version, fixed_version, target, file_path,
    line_number, url, secret_mask, state, suppression, first_seen, last_seen, fixed_at, first_version,
    last_version, first_recording_id, last_recording_id, fixed_recording_id)
VALUES (1, 1, 'Trivy', 'fp-openssl-cve-2026-0001', 'VULNERABILITY', 'CVE-2026-0001', 'openssl: buffer overflow',
    'A long description', 'CRITICAL', 9.8, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CWE-120,CWE-787',
    'openssl', 'pkg:apk/alpine/openssl@1.1.1', '1.1.1', '1.1.2', 'image', NULL, 0,
    'https://avd.aquasec.com/nvd/cve-2026-0001', NULL, 'OPEN', NULL,
    TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00', NULL,
    '1.0', '1.1', 1, 2, NULL);
INSERT INTO finding (id, service_id, tool, fingerprint, kind, identifier, title, description, severity,
    cvss_score, package_name, installed_version, target, line_number, state, first_seen, last_seen, fixed_at,
    first_version, last_version, first_recording_id, last_recording_id, fixed_recording_id)
VALUES (2, 1, 'Trivy', 'fp-zlib-cve-2026-0002', 'VULNERABILITY', 'CVE-2026-0002', 'zlib: overflow', '', 'HIGH',
    7.5, 'zlib', '1.2.11', 'image', 0, 'FIXED', TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00',
    TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00',
    '1.0', '1.0', 1, 1, 2);
INSERT INTO finding (id, service_id, tool, fingerprint, kind, identifier, title, description, severity,
    file_path, line_number, secret_mask, state, suppression, first_seen, last_seen, first_version, last_version,
    first_recording_id, last_recording_id)
VALUES (3, 1, 'Trivy', 'fp-secret-aws', 'SECRET', 'aws-access-key-id', 'AWS access key', '', 'CRITICAL',
    'config/app.yaml', 12, 'AKIA****MPLE', 'SUPPRESSED', 'test key, not live',
    TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-06 09:00:00+00',
    '1.0', '1.1', 1, 2);

INSERT INTO finding_alias (finding_id, alias) VALUES (1, 'CVE-2026-0001');
INSERT INTO finding_alias (finding_id, alias) VALUES (1, 'GHSA-AAAA-BBBB-CCCC');
INSERT INTO finding_alias (finding_id, alias) VALUES (2, 'CVE-2026-0002');
INSERT INTO finding_alias (finding_id, alias) VALUES (3, 'AWS-ACCESS-KEY-ID');

INSERT INTO scan_finding (scan_id, finding_id) VALUES (1, 1);
INSERT INTO scan_finding (scan_id, finding_id) VALUES (1, 2);
INSERT INTO scan_finding (scan_id, finding_id) VALUES (2, 1);
INSERT INTO scan_finding (scan_id, finding_id) VALUES (2, 3);
