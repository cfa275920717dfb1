using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrganBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DialogStates",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    DialogName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Step = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ValuesJson = table.Column<string>(type: "text", nullable: false),
                    CardInstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogStates", x => new { x.UserId, x.ConversationId, x.DialogName });
                });

            migrationBuilder.CreateTable(
                name: "FeedbackCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackExportTokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdminAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackExportTokens", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackTickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsAnonymous = table.Column<bool>(type: "boolean", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MemberAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OwnerHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReplyAddress = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Contact = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContactDetail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RatingComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackTickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackAdminCards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackAdminCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackAdminCards_FeedbackTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "FeedbackTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ActorAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackHistory_FeedbackTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "FeedbackTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AdminName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AdminAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackReplies_FeedbackTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "FeedbackTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAdminCards_TicketId",
                table: "FeedbackAdminCards",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackHistory_TicketId",
                table: "FeedbackHistory",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReplies_TicketId",
                table: "FeedbackReplies",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackTickets_Number",
                table: "FeedbackTickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackTickets_OwnerHash",
                table: "FeedbackTickets",
                column: "OwnerHash");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackTickets_Status",
                table: "FeedbackTickets",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackTickets_Year_Sequence",
                table: "FeedbackTickets",
                columns: new[] { "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialogStates");

            migrationBuilder.DropTable(
                name: "FeedbackAdminCards");

            migrationBuilder.DropTable(
                name: "FeedbackCounters");

            migrationBuilder.DropTable(
                name: "FeedbackExportTokens");

            migrationBuilder.DropTable(
                name: "FeedbackHistory");

            migrationBuilder.DropTable(
                name: "FeedbackReplies");

            migrationBuilder.DropTable(
                name: "FeedbackSettings");

            migrationBuilder.DropTable(
                name: "FeedbackTickets");
        }
    }
}
