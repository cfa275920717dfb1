using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReadAt",
                table: "Deliveries",
                type: "INTEGER",
                nullable: true);

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
