using Microsoft.EntityFrameworkCore;

namespace OrganBot.Bot.Storage;

/// <summary>
/// The bot's database. Each area adds its tables with an <see cref="IEntityTypeConfiguration{TEntity}"/> in its
/// own folder; they are picked up here. Two thin subclasses carry the provider-specific migrations.
/// </summary>
public abstract class BotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<MemberRecord> Members => Set<MemberRecord>();
    public DbSet<TeamMemberRecord> TeamMembers => Set<TeamMemberRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
}

public sealed class SqliteBotDbContext(DbContextOptions<SqliteBotDbContext> options) : BotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Store every DateTimeOffset as UTC. SQLite has no DateTimeOffset type; a sortable long (UTC ticks) keeps ORDER BY and comparisons in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresBotDbContext(DbContextOptions<PostgresBotDbContext> options) : BotDbContext(options);
