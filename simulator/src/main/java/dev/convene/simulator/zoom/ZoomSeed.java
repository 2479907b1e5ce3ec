package dev.convene.simulator.zoom;

/**
 * Seed 004's example answer of {@code GET /accounts/{accountId}/webinars/{webinarId}}, kept byte for byte
 * in meaning (the seed wins over the spec for the endpoint it covers). Note what it shows and the spec's
 * create rules would refuse: a type 5 webinar with a {@code recurrence}, and a recurrence with both
 * {@code end_times} and {@code end_date_time}. Zoom's answers are not bound by its request rules, so the
 * fake answers it as documented and a client must read it.
 */
final class ZoomSeed {
    static final String WEBINAR_97871060099 = """
            {
              "occurrences": [
                {"duration": 60, "start_time": "2022-03-25T07:46:00Z", "occurrence_id": "1648194360000", "status": "available"}
              ],
              "settings": {
                "post_webinar_survey": true,
                "authentication_option": "signIn_D8cJuqWVQ623CI4Q8yQK0Q",
                "email_language": "en-US",
                "sign_language_interpretation": {"enable": true, "interpreters": [{"sign_language": "American", "email": "interpreter@example.com"}]},
                "send_1080p_video_to_attendees": false,
                "show_share_button": true,
                "hd_video": false,
                "registrants_confirmation_email": true,
                "registration_type": 1,
                "contact_email": "jchill@example.com",
                "allow_multiple_devices": true,
                "meeting_authentication": true,
                "survey_url": "https://example.com",
                "alternative_hosts": "jchill@example.com",
                "alternative_host_update_polls": true,
                "follow_up_absentees_email_notification": {"enable": true, "type": 0},
                "add_audio_watermark": true,
                "audio": "both",
                "authentication_name": "Sign in to Zoom",
                "notify_registrants": true,
                "practice_session": false,
                "enforce_login_domains": "example.com",
                "global_dial_in_countries": ["US"],
                "registrants_restrict_number": 0,
                "question_and_answer": {
                  "allow_auto_reply": true,
                  "allow_anonymous_questions": true,
                  "answer_questions": "only",
                  "enable": true,
                  "allow_submit_questions": true,
                  "attendees_can_comment": true,
                  "auto_reply_text": "Thank you for your question. We will get back to you shortly.",
                  "attendees_can_upvote": true
                },
                "contact_name": "Jill Chill",
                "attendees_and_panelists_reminder_email_notification": {"enable": true, "type": 0},
                "registrants_email_notification": true,
                "approval_type": 2,
                "close_registration": true,
                "auto_recording": "none",
                "host_video": true,
                "language_interpretation": {"enable": true, "interpreters": [{"languages": "US,CN", "email": "interpreter@example.com"}]},
                "panelists_video": true,
                "add_watermark": true,
                "enforce_login": true,
                "on_demand": false,
                "hd_video_for_attendees": false,
                "panelists_invitation_email_notification": true,
                "panelist_authentication": true,
                "enable_session_branding": true,
                "audio_conference_info": "test",
                "authentication_domains": "example.com",
                "follow_up_attendees_email_notification": {"enable": true, "type": 0}
              },
              "join_url": "https://example.com/j/11111",
              "timezone": "America/Los_Angeles",
              "start_url": "https://example.com/s/11111",
              "created_at": "2022-03-26T07:18:32Z",
              "record_file_id": "f09340e1-cdc3-4eae-9a74-98f9777ed908",
              "type": 5,
              "uuid": "m3WqMkvuRXyYqH+eKWhk9w==",
              "agenda": "My webinar",
              "host_id": "30R7kT7bTIKSNUFEuH_Qlg",
              "duration": 60,
              "recurrence": {
                "end_date_time": "2022-04-02T15:59:00Z",
                "end_times": 1,
                "monthly_week": -1,
                "monthly_week_day": 1,
                "repeat_interval": 1,
                "monthly_day": 1,
                "type": 1,
                "weekly_days": "1"
              },
              "start_time": "2022-03-26T07:18:32Z",
              "password": "123456",
              "tracking_fields": [{"field": "field1", "value": "value1"}],
              "is_simulive": true,
              "topic": "My Webinar",
              "id": 97871060099,
              "host_email": "jchill@example.com"
            }
            """;

    private ZoomSeed() {
    }
}
