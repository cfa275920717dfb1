using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrganBot.Tests.Fakes;

/// <summary>
/// The real bot on Kestrel (loopback, random port) with its own database: a SQLite file by default, or a fresh
/// PostgreSQL database when ORGANBOT_TEST_PG holds a server connection string (CI sets it).
/// </summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly string _databaseName;
    private readonly string? _sqlitePath;
    private readonly StartFailureLog _startFailures = new();

    /// <param name="databaseName">Reuse the database of an earlier instance (<see cref="DatabaseName"/>), e.g. to restart
    /// the bot or run two instances on one database; only the instance that created a database deletes it.</param>
    public BotApplication(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, StorageKind? storage = null, string? databaseName = null)
    {
        _configureServices = configureServices;
        DeleteDatabaseOnDispose = databaseName is null;
        _databaseName = databaseName ?? "organbot_test_" + Guid.NewGuid().ToString("N")[..12];
        Storage = storage ?? (PostgresServer is null ? StorageKind.Sqlite : StorageKind.Postgres);
        _settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (Storage == StorageKind.Postgres)
        {
            var csb = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _databaseName };
            _settings["Storage:Provider"] = "Postgres";
            _settings["Storage:ConnectionString"] = csb.ToString();
        }
        else
        {
            _sqlitePath = Path.Combine(Path.GetTempPath(), "organbot-tests", _databaseName + ".db");
            _settings["Storage:Provider"] = "Sqlite";
            _settings["Storage:ConnectionString"] = $"Data Source={_sqlitePath}";
        }

        foreach (var (key, value) in settings ?? []) _settings[key] = value;
        // Outside dev mode the bot requires a public https address for its links; tests that check that set the key.
        if (!string.IsNullOrEmpty(_settings["MicrosoftAppId"])) _settings.TryAdd("Bot:PublicBaseUrl", "https://organbot.example.test");
        UseKestrel(0);
    }

    /// <summary>Server-level connection string for PostgreSQL tests, from ORGANBOT_TEST_PG.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("ORGANBOT_TEST_PG") is { Length: > 0 } cs ? cs : null;

    public StorageKind Storage { get; }

    /// <summary>The database (SQLite file stem or PostgreSQL database) this instance uses.</summary>
    public string DatabaseName => _databaseName;

    /// <summary>True for the instance that created the database; set it to hand the clean-up to another instance.</summary>
    public bool DeleteDatabaseOnDispose { get; set; }

    /// <summary>When true, disposing leaves the database in place so a new instance can start on it.</summary>
    public bool KeepDatabase { get => !DeleteDatabaseOnDispose; set => DeleteDatabaseOnDispose = !value; }

    /// <summary>Settings the bot was started with (after defaults), e.g. to start a second instance on the same database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(_startFailures));
        if (_configureServices is not null) builder.ConfigureServices(_configureServices);
    }

    /// <summary>Starts the server and returns a client for it.</summary>
    public HttpClient Start()
    {
        StartServer();
        return CreateClient();
    }

    /// <summary>
    /// Starts a bot whose settings must be refused and returns the exception that refused them. The host logs that
    /// exception and then disposes itself; WebApplicationFactory sometimes reaches the disposed services first and throws
    /// an ObjectDisposedException instead, so the logged exception is the one returned then.
    /// </summary>
    public Exception StartExpectingFailure()
    {
        try
        {
            Start();
        }
        catch (ObjectDisposedException) when (_startFailures.Exception is { } logged)
        {
            return logged;
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("The bot started, but its settings should have been refused.");
    }

    /// <summary>Posts an activity to /api/messages over real HTTP.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync("/api/messages", activity, cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!DeleteDatabaseOnDispose)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            return;
        }

        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
        }
        else if (PostgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            try
            {
                await command.ExecuteNonQueryAsync();
            }
            catch (PostgresException)
            {
                // Clean-up only: an autovacuum worker on the new database can refuse to be terminated. A leftover
                // test database is harmless (CI's server is thrown away), a failed test would not be.
            }
        }
    }

    /// <summary>Keeps the exception of the host's "Hosting failed to start" error.</summary>
    private sealed class StartFailureLog : ILoggerProvider
    {
        public Exception? Exception { get; private set; }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(StartFailureLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error && exception is not null) log.Exception ??= exception;
            }
        }
    }
}

public enum StorageKind { Sqlite, Postgres }
