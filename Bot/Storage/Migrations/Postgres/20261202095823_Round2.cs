using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "TargetId",
                table: "Deliveries",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);

            migrationBuilder.AddColumn<long>(
                name: "MessageNumber",
                table: "Deliveries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadAt",
                table: "Deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingEditJson",
                table: "Announcements",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeliveryInstances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DownloadTokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ObjectId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AdminAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadTokens", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpPlans",
                columns: table => new
                {
                    AnnouncementId = table.Column<long>(type: "bigint", nullable: false),
                    After = table.Column<TimeSpan>(type: "interval", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpPlans", x => x.AnnouncementId);
                });

            migrationBuilder.CreateTable(
                name: "QaQueue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Question = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AskerUserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AskerKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SentenceIds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaQueue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SeenActivities",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeenActivities", x => new { x.ConversationId, x.ActivityId });
                });

            migrationBuilder.CreateTable(
                name: "VouchedServiceUrls",
                columns: table => new
                {
                    Url = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    VouchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "TargetId",
                table: "Deliveries",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048);

            migrationBuilder.AddColumn<string>(
                name: "ExportToken",
                table: "Announcements",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExportTokenExpiresAt",
                table: "Announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackExportTokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdminAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackExportTokens", x => x.TokenHash);
                });
        }
    }
}
