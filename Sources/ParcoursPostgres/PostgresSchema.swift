#if PostgreSQL
    import Foundation
    import Logging
    import ParcoursStore
    import PostgresNIO

    /// The PostgreSQL schema: the same tables and columns as the SQLite store's (JSON columns as jsonb,
    /// dates as timestamptz, blobs as bytea), as an ordered list of migrations applied once each, in one
    /// transaction each, recorded in `schemaMigration`. Never edit a migration that has shipped: add one.
    ///
    /// The list is this store's own: it starts from the SQLite schema as it stood when PostgreSQL came
    /// (results in the participation row from the start), so its identifiers do not match SQLite's.
    /// Instances starting together take an advisory lock: one migrates, the others wait and find
    /// nothing left to do.
    enum PostgresSchema {
        struct Migration {
            let identifier: String
            let statements: [PostgresQuery]
        }

        static let migrations: [Migration] = [
            Migration(
                identifier: "v1 imports",
                statements: [
                    "CREATE TABLE setting (key text PRIMARY KEY, value bytea NOT NULL)",
                    """
                    CREATE TABLE importedFile (
                        id bigserial PRIMARY KEY, name text NOT NULL, contentHash text NOT NULL UNIQUE,
                        kind text NOT NULL, importedAt timestamptz NOT NULL, rowCount integer NOT NULL)
                    """,
                    """
                    CREATE TABLE campaign (
                        id bigserial PRIMARY KEY, pixCampaignID text NOT NULL UNIQUE, code text NOT NULL,
                        name text NOT NULL, organizationName text NOT NULL, kind text NOT NULL, targetProfileName text,
                        fileID bigint NOT NULL REFERENCES importedFile)
                    """,
                    // Measured levels (profiles collection) and levels estimated from mastery (assessment)
                    // are separate columns, never mixed; results are JSON objects keyed by competence code.
                    """
                    CREATE TABLE participation (
                        id bigserial PRIMARY KEY, campaignID bigint NOT NULL REFERENCES campaign ON DELETE CASCADE,
                        externalID text, lastName text NOT NULL, firstName text NOT NULL, shared boolean NOT NULL,
                        sharedAt timestamptz, line integer NOT NULL, extraColumns jsonb NOT NULL, levels jsonb,
                        pix jsonb, mastery jsonb, skills jsonb, estimatedLevels jsonb)
                    """,
                    "CREATE INDEX participation_campaignID ON participation (campaignID)",
                    """
                    CREATE TABLE agent (
                        communeCode text NOT NULL, externalID text NOT NULL, lastName text NOT NULL,
                        firstName text NOT NULL, jobFamilyID text NOT NULL, statusID text NOT NULL, equipment text NOT NULL,
                        workingTime double precision NOT NULL, workingDays text NOT NULL, hasCar boolean NOT NULL,
                        maximumTravelKilometres double precision NOT NULL, unavailable text NOT NULL,
                        languages text NOT NULL, fileID bigint NOT NULL REFERENCES importedFile,
                        PRIMARY KEY (communeCode, externalID))
                    """,
                ]),
            Migration(
                identifier: "v2 catalogues",
                statements: [
                    """
                    CREATE TABLE provider (
                        id text PRIMARY KEY, name text NOT NULL, siret text, belgianCompanyNumber text, country text)
                    """,
                    """
                    CREATE TABLE catalogueVersion (
                        id bigserial PRIMARY KEY, providerID text NOT NULL REFERENCES provider,
                        fileID bigint NOT NULL REFERENCES importedFile, format text NOT NULL,
                        importedAt timestamptz NOT NULL, isCurrent boolean NOT NULL, courseCount integer NOT NULL,
                        sessionCount integer NOT NULL)
                    """,
                    "CREATE INDEX catalogueVersion_providerID ON catalogueVersion (providerID)",
                    // `rowOrder` keeps the file's order, as SQLite's rowid does.
                    """
                    CREATE TABLE course (
                        versionID bigint NOT NULL REFERENCES catalogueVersion ON DELETE CASCADE,
                        courseID text NOT NULL, title text NOT NULL, objectives text NOT NULL, content text NOT NULL,
                        prerequisites text NOT NULL, audience jsonb NOT NULL, formacodes jsonb NOT NULL,
                        nsfCodes jsonb NOT NULL, romeCodes jsonb NOT NULL, hours double precision,
                        priceAmount double precision, priceVAT text, format text NOT NULL, language text NOT NULL,
                        line integer, rowOrder bigint GENERATED ALWAYS AS IDENTITY,
                        PRIMARY KEY (versionID, courseID))
                    """,
                    """
                    CREATE TABLE courseCompetence (
                        versionID bigint NOT NULL, courseID text NOT NULL, competence text NOT NULL,
                        entryLevel integer NOT NULL, exitLevel integer NOT NULL, tagSource text NOT NULL,
                        confidence double precision NOT NULL, PRIMARY KEY (versionID, courseID, competence),
                        FOREIGN KEY (versionID, courseID) REFERENCES course ON DELETE CASCADE)
                    """,
                    // Dates are ISO 8601 text at the source's precision (YYYY-MM-DD or YYYY-MM), NULL when unknown.
                    """
                    CREATE TABLE courseSession (
                        versionID bigint NOT NULL, courseID text NOT NULL, sessionID text NOT NULL,
                        position integer NOT NULL, startDate text, endDate text, registrationStart text,
                        registrationEnd text, format text NOT NULL, venue jsonb, minimumSeats integer,
                        maximumSeats integer, fixedCost double precision, seatCost double precision,
                        equipmentProvided jsonb NOT NULL, equipmentRequired jsonb NOT NULL,
                        eligibleStatuses jsonb NOT NULL, schedule jsonb NOT NULL, line integer,
                        PRIMARY KEY (versionID, courseID, position),
                        FOREIGN KEY (versionID, courseID) REFERENCES course ON DELETE CASCADE)
                    """,
                ]),
            Migration(
                identifier: "v3 plans",
                statements: [
                    """
                    CREATE TABLE plan (
                        id bigserial PRIMARY KEY, createdAt timestamptz NOT NULL, territoryID text NOT NULL,
                        label text NOT NULL, previousPlanID bigint REFERENCES plan, document bytea NOT NULL)
                    """,
                    "CREATE INDEX plan_territoryID ON plan (territoryID)",
                    """
                    CREATE TABLE planInput (
                        planID bigint NOT NULL REFERENCES plan ON DELETE CASCADE, kind text NOT NULL, name text NOT NULL,
                        contentHash text NOT NULL, rowOrder bigint GENERATED ALWAYS AS IDENTITY)
                    """,
                    "CREATE INDEX planInput_planID ON planInput (planID)",
                ]),
            Migration(
                identifier: "v4 jobs",
                statements: [
                    """
                    CREATE TABLE job (
                        id bigserial PRIMARY KEY, kind text NOT NULL, territoryID text, parameters jsonb NOT NULL,
                        state text NOT NULL, progress jsonb, result jsonb, attempts integer NOT NULL, owner text,
                        heartbeatAt timestamptz, error text, createdAt timestamptz NOT NULL, startedAt timestamptz,
                        finishedAt timestamptz)
                    """,
                    "CREATE INDEX job_territoryID ON job (territoryID)",
                    "CREATE INDEX job_state ON job (state, id)",
                ]),
            Migration(
                identifier: "v5 access",
                statements: [
                    """
                    CREATE TABLE serviceUser (
                        id bigserial PRIMARY KEY, name text NOT NULL, role text NOT NULL, territoryID text,
                        communeCode text, providerID text, createdAt timestamptz NOT NULL)
                    """,
                    """
                    CREATE TABLE accessToken (
                        hash text PRIMARY KEY, userID bigint NOT NULL REFERENCES serviceUser ON DELETE CASCADE,
                        kind text NOT NULL, createdAt timestamptz NOT NULL, expiresAt timestamptz)
                    """,
                    "CREATE INDEX accessToken_userID ON accessToken (userID)",
                    """
                    CREATE TABLE auditEntry (
                        id bigserial PRIMARY KEY, at timestamptz NOT NULL, userID bigint NOT NULL, route text NOT NULL,
                        subject text NOT NULL, agentCount integer NOT NULL)
                    """,
                    "CREATE INDEX auditEntry_userID ON auditEntry (userID)",
                ]),
            Migration(
                identifier: "v6 identity links",
                statements: [
                    """
                    CREATE TABLE identityLink (
                        issuer text NOT NULL, subject text NOT NULL,
                        userID bigint NOT NULL REFERENCES serviceUser ON DELETE CASCADE,
                        linkedAt timestamptz NOT NULL, PRIMARY KEY (issuer, subject))
                    """,
                    "CREATE INDEX identityLink_userID ON identityLink (userID)",
                ]),
            // The revision of what pages show (``RevisionStore``), bumped when a transaction changing one of
            // ``DataRevisionSource/tables`` commits: the triggers are deferred, so that the revision's row is
            // locked only while committing, after every other lock the transaction takes (locked earlier, a
            // long import would hold it throughout, and two transactions updating jobs could deadlock on it).
            Migration(
                identifier: "v7 data revision",
                statements: [
                    "CREATE TABLE dataRevision (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)",
                    "INSERT INTO dataRevision (id, value) VALUES (1, 0)",
                    """
                    CREATE FUNCTION bumpDataRevision() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT
                    AS 'BEGIN UPDATE dataRevision SET value = value + 1; RETURN NULL; END'
                    """,
                ]
                    + DataRevisionSource.tables.map { table, events in
                        PostgresQuery(
                            unsafeSQL: """
                                CREATE CONSTRAINT TRIGGER \(table)_revision AFTER \(events.joined(separator: " OR ")) \
                                ON \(table) DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bumpDataRevision()
                                """)
                    }),
            Migration(
                identifier: "v8 staged uploads",
                statements: [
                    "CREATE TABLE stagedUpload (id bigserial PRIMARY KEY, bytes bytea NOT NULL, stagedAt timestamptz NOT NULL)"
                ]),
            // A job's update bumps the revision only when it changes what pages show of it
            // (``DataRevisionSource/jobColumns``), not at each heartbeat.
            Migration(
                identifier: "v9 job revision",
                statements: [
                    "DROP TRIGGER job_revision ON job",
                    """
                    CREATE CONSTRAINT TRIGGER job_revision AFTER INSERT OR DELETE ON job DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION bumpDataRevision()
                    """,
                    PostgresQuery(
                        unsafeSQL: """
                            CREATE CONSTRAINT TRIGGER job_update_revision AFTER UPDATE ON job DEFERRABLE INITIALLY DEFERRED
                            FOR EACH ROW WHEN (\(DataRevisionSource.jobChanged)) EXECUTE FUNCTION bumpDataRevision()
                            """),
                ]),
        ]

        /// Applies the migrations the database has not had yet, in one transaction; the first one also
        /// creates the pseudonym secret.
        static func migrate(on connection: PostgresConnection, location: PostgresLocation, logger: Logger) async throws
        {
            try await PostgresStore.inTransaction(on: connection, logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(7369636)", logger: logger)
                if let schema = location.schema {
                    // A plain identifier (PostgresLocation checks it).
                    try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: logger)
                }
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS schemaMigration (identifier text PRIMARY KEY, appliedAt timestamptz NOT NULL)
                    """, logger: logger)
                var applied: Set<String> = []
                for try await identifier in try await connection.query(
                    "SELECT identifier FROM schemaMigration", logger: logger
                ).decode(String.self) {
                    applied.insert(identifier)
                }
                for migration in migrations where !applied.contains(migration.identifier) {
                    for statement in migration.statements {
                        try await connection.query(statement, logger: logger)
                    }
                    if migration.identifier == migrations[0].identifier {
                        try await connection.query(
                            "INSERT INTO setting (key, value) VALUES (\(SettingKey.pseudonymSecret), \(Data(SettingKey.newPseudonymSecret())))",
                            logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schemaMigration (identifier, appliedAt) VALUES (\(migration.identifier), \(Date()))",
                        logger: logger)
                }
            }
        }
    }
#endif
