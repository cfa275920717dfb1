using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
