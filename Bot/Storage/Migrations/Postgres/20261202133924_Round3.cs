using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalNote",
                table: "ReminderRsvps",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "ReminderRsvps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "ReminderRsvps",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Approvers",
                table: "ReminderEvents",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "ReminderEvents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastLanguage",
                table: "Members",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "Members",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WelcomedAt",
                table: "Conversations",
                type: "timestamp with time zone",
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
