using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OrganBot.Bot.Storage;

internal static class StorageExtensions
{
    /// <summary>EF Core on SQLite (default, a file under ./data) or PostgreSQL (<c>Storage:Provider=Postgres</c>).</summary>
    public static IHostApplicationBuilder AddBotStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        // Pooled: a turn that touches the database reuses a context instead of building options and a context afresh.
        if (options.Provider == StorageProvider.Postgres)
        {
            builder.Services.AddDbContextPool<BotDbContext, PostgresBotDbContext>(db => Quiet(db.UseNpgsql(options.ConnectionString)));
        }
        else
        {
            var connectionString = PrepareSqlite(options.ConnectionString, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextPool<BotDbContext, SqliteBotDbContext>(db => Quiet(db.UseSqlite(connectionString)).AddInterceptors(new SqliteBusyTimeout()));
        }

        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddScoped<ScopedBotDb>();
        builder.Services.AddScoped<ConversationDirectory>();
        builder.Services.AddScoped<OrganBot.Dialogs.Engine.IDialogStateStore, EfDialogStateStore>();
        builder.Services.AddScoped<OrganBot.Dialogs.Conversation.IMemberLanguageStore, EfMemberLanguageStore>();
        builder.Services.AddScoped<OrganBot.Dialogs.Conversation.IWelcomeLedger, EfWelcomeLedger>();
        builder.Services.AddSingleton<RecentActivityCache>();
        builder.Services.AddSingleton<MemberLanguageCache>();
        builder.Services.AddSingleton<SeenActivities>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SeenActivities>()); // after the migrator: it reads the table
        builder.Services.AddHostedService<SeenActivityCleanup>();
        return builder;
    }

    /// <summary>
    /// EF logs a failed command or save at Error level before it throws. The exception always reaches a caller that
    /// either expects it (a unique-key race that is retried, a database created at first start) or logs it once itself
    /// (the turn processor, the hosts), so EF's own copy is kept at Debug instead of alarming operators twice.
    /// </summary>
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder db) =>
        db.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.ConnectionError, LogLevel.Debug)));

    /// <summary>Makes a relative SQLite path absolute under the content root and creates its folder.</summary>
    internal static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } path && path != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            csb.DataSource = full;
        }

        csb.Pooling = true;
        if (csb.DefaultTimeout < 30) csb.DefaultTimeout = 30;
        return csb.ToString();
    }
}

/// <summary>Creates or upgrades the database before the server starts taking requests.</summary>
internal sealed partial class DatabaseMigrator(IServiceProvider services, IOptions<StorageOptions> options, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Value.Provider == StorageProvider.Sqlite)
        {
            // WAL lets readers run beside the single writer; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, options.Value.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogMigrated(ILogger logger, StorageProvider provider);
}
