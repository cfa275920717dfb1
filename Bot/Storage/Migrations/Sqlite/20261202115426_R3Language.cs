using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Sqlite
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
