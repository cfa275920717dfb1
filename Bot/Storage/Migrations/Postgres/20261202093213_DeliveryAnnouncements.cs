using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeliveryAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "TargetId",
                table: "Deliveries",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);

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

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_TargetActivityId",
                table: "Deliveries",
                column: "TargetActivityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryInstances");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_TargetActivityId",
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
        }
    }
}
