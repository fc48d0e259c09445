#if PostgreSQL
    import ParcoursStore
    import PostgresNIO

    extension PostgresLocation {
        /// The client configuration: TLS when the server offers it (a server on another machine), plain
        /// TCP otherwise (loopback); the schema, if any, first on the search path.
        var configuration: PostgresClient.Configuration {
            var configuration = PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database,
                tls: .prefer(.makeClientConfiguration()))
            if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
            return configuration
        }

        /// The same, for a single connection.
        var connectionConfiguration: PostgresConnection.Configuration {
            get throws {
                var configuration = PostgresConnection.Configuration(
                    host: host, port: port, username: username, password: password, database: database,
                    tls: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration())))
                if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
                return configuration
            }
        }
    }
#endif
