using System.ComponentModel.DataAnnotations;

namespace OrganBot.Bot.Storage;

public enum StorageProvider { Sqlite, Postgres }

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite: a file under ./data by default. PostgreSQL: an Npgsql connection string.</summary>
    [Required(ErrorMessage = "Storage:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "Data Source=data/organbot.db";
}
