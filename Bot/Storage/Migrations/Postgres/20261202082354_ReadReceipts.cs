using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReadReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ConversationId_MessageNumber",
                table: "Deliveries",
                columns: new[] { "ConversationId", "MessageNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPlans_FiredAt",
                table: "FollowUpPlans",
                column: "FiredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpPlans");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ConversationId_MessageNumber",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "MessageNumber",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "Deliveries");
        }
    }
}
