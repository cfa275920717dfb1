using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;

namespace OrganBot.Tests.Storage;

/// <summary>Every model change ships with migrations for both providers; a forgotten one would fail at a member's first message.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project Bot --context SqliteBotDbContext -o Storage/Migrations/Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgresMigrations_CoverTheModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project Bot --context PostgresBotDbContext -o Storage/Migrations/Postgres");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
