using Tilsyn.Feedback;

namespace Tilsyn.Web.Feedback;

internal sealed class FeedbackInvitationMapping : IEntityTypeConfiguration<FeedbackInvitation>
{
    public void Configure(EntityTypeBuilder<FeedbackInvitation> e)
    {
        e.ToTable("feedback_invitations");
        e.HasKey(x => x.Id);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.HasIndex(x => x.TokenHash).IsUnique();
        // One invitation per case, ever (a reclosed case is not invited again); also guards a double close.
        e.HasIndex(x => x.CaseId).IsUnique();
        e.HasOne<Tilsyn.Complaints.ComplaintCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The answers: no key to the invitation or the case (see <see cref="FeedbackAnswer"/>).</summary>
internal sealed class FeedbackAnswerMapping : IEntityTypeConfiguration<FeedbackAnswer>
{
    public void Configure(EntityTypeBuilder<FeedbackAnswer> e)
    {
        e.ToTable("feedback_answers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasAggregateVersion();
        e.Property(x => x.Comment).HasMaxLength(FeedbackQuestions.Comment.MaxLength);
        e.Property(x => x.ApprovedComment).HasMaxLength(FeedbackQuestions.Comment.MaxLength + 500);
        e.Property(x => x.ReviewedBy).HasMaxLength(200);
        e.Ignore(x => x.HalfYear);
        e.HasIndex(x => new { x.HalfYearKey, x.AdministrationId });
        e.HasIndex(x => x.CommentState);
    }
}
