package dev.convene.provider.tencentmeeting.internal;

import dev.convene.spi.Exchange;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The endpoints of spec §3–4 this provider uses. Core never repeats creates and modifies; the rest may be retried. */
interface TencentMeetingApi {

    @POST("v1/meetings")
    Exchange<TencentMeetingWire.MeetingList> createMeeting(@Body TencentMeetingWire.MeetingRequest body);

    @GET("v1/meetings/{meetingId}")
    Exchange<TencentMeetingWire.MeetingList> getMeeting(@Path("meetingId") String meetingId, @Query("userid") String userid,
                                          @Query("instanceid") int instanceId);

    /** The user's upcoming and running meetings, at most 20 a page; {@code pos} and {@code cursory} continue a listing. */
    @GET("v1/meetings")
    Exchange<TencentMeetingWire.MeetingList> listMeetings(@Query("userid") String userid, @Query("instanceid") int instanceId,
                                            @Query("pos") Long pos, @Query("cursory") Long cursory);

    @PUT("v1/meetings/{meetingId}")
    Exchange<TencentMeetingWire.MeetingList> modifyMeeting(@Path("meetingId") String meetingId, @Body TencentMeetingWire.MeetingRequest body);

    @POST("v1/meetings/{meetingId}/cancel")
    Exchange<Void> cancelMeeting(@Path("meetingId") String meetingId, @Body TencentMeetingWire.CancelRequest body);

    @POST("v1/webinars")
    Exchange<TencentMeetingWire.WebinarInfo> createWebinar(@Body TencentMeetingWire.WebinarRequest body);

    @GET("v1/webinars")
    Exchange<TencentMeetingWire.WebinarInfo> getWebinar(@Query("meeting_id") String meetingId, @Query("userid") String userid,
                                          @Query("instanceid") int instanceId);

    @PUT("v1/webinars/{meetingId}")
    Exchange<Void> modifyWebinar(@Path("meetingId") String meetingId, @Body TencentMeetingWire.WebinarRequest body);

    @POST("v1/webinars/{meetingId}/cancel")
    Exchange<Void> cancelWebinar(@Path("meetingId") String meetingId, @Body TencentMeetingWire.CancelRequest body);
}
