using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Announcements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    ImageUrl = table.Column<string>(type: "TEXT", nullable: true),
                    LinksJson = table.Column<string>(type: "TEXT", nullable: false),
                    AudienceKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AudienceKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    AudienceLabel = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorAadObjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", nullable: true),
                    ApproverAadObjectId = table.Column<string>(type: "TEXT", nullable: true),
                    ControlConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ControlActivityId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExportToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExportTokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_State_ScheduledAt",
                table: "Announcements",
                columns: new[] { "State", "ScheduledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Announcements");
        }
    }
}
