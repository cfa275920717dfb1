using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Round2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackExportTokens");

            migrationBuilder.DropColumn(
                name: "ExportToken",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "ExportTokenExpiresAt",
                table: "Announcements");

            migrationBuilder.AddColumn<long>(
                name: "MessageNumber",
                table: "Deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReadAt",
                table: "Deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingEditJson",
                table: "Announcements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeliveryInstances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DownloadTokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AdminAadObjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadTokens", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpPlans",
                columns: table => new
                {
                    AnnouncementId = table.Column<long>(type: "INTEGER", nullable: false),
                    After = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpPlans", x => x.AnnouncementId);
                });

            migrationBuilder.CreateTable(
                name: "QaQueue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AskerUserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AskerKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SentenceIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaQueue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SeenActivities",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeenActivities", x => new { x.ConversationId, x.ActivityId });
                });

            migrationBuilder.CreateTable(
                name: "VouchedServiceUrls",
                columns: table => new
                {
                    Url = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    VouchedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VouchedServiceUrls", x => x.Url);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ConversationId_MessageNumber",
                table: "Deliveries",
                columns: new[] { "ConversationId", "MessageNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_TargetActivityId",
                table: "Deliveries",
                column: "TargetActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_DownloadTokens_ExpiresAt",
                table: "DownloadTokens",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPlans_FiredAt",
                table: "FollowUpPlans",
                column: "FiredAt");

            migrationBuilder.CreateIndex(
                name: "IX_QaQueue_Status_QuestionKey",
                table: "QaQueue",
                columns: new[] { "Status", "QuestionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_SeenActivities_SeenAt",
                table: "SeenActivities",
                column: "SeenAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryInstances");

            migrationBuilder.DropTable(
                name: "DownloadTokens");

            migrationBuilder.DropTable(
                name: "FollowUpPlans");

            migrationBuilder.DropTable(
                name: "QaQueue");

            migrationBuilder.DropTable(
                name: "SeenActivities");

            migrationBuilder.DropTable(
                name: "VouchedServiceUrls");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ConversationId_MessageNumber",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_TargetActivityId",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "MessageNumber",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "PendingEditJson",
                table: "Announcements");

            migrationBuilder.AddColumn<string>(
                name: "ExportToken",
                table: "Announcements",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ExportTokenExpiresAt",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackExportTokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AdminAadObjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackExportTokens", x => x.TokenHash);
                });
        }
    }
}
