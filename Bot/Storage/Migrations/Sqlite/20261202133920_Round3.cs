using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Round3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Approval",
                table: "ReminderRsvps",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalNote",
                table: "ReminderRsvps",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "ReminderRsvps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "ReminderRsvps",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Approvers",
                table: "ReminderEvents",
                type: "TEXT",
                maxLength: 1024,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "ReminderEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastLanguage",
                table: "Members",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "Members",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WelcomedAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Approval",
                table: "ReminderRsvps");

            migrationBuilder.DropColumn(
                name: "ApprovalNote",
                table: "ReminderRsvps");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "ReminderRsvps");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "ReminderRsvps");

            migrationBuilder.DropColumn(
                name: "Approvers",
                table: "ReminderEvents");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "ReminderEvents");

            migrationBuilder.DropColumn(
                name: "LastLanguage",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "WelcomedAt",
                table: "Conversations");
        }
    }
}
