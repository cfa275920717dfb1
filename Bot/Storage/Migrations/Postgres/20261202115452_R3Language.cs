using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class R3Language : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
