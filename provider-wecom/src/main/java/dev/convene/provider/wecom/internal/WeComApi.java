package dev.convene.provider.wecom.internal;

import dev.convene.spi.Exchange;
import dev.convene.spi.http.NoToken;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Query;

/** WeCom's endpoints; the token interceptor adds {@code ?access_token=} to each but {@code gettoken}. */
interface WeComApi {
    /** How a token is had (spec §1), so it must not need one. */
    @NoToken
    @GET("cgi-bin/gettoken")
    Exchange<TokenWire> gettoken(@Query("corpid") String corpId, @Query("corpsecret") String corpSecret);

    @POST("cgi-bin/meeting/create")
    Exchange<MeetingWire.Created> createMeeting(@Body MeetingWire.Create body);

    @POST("cgi-bin/meeting/update")
    Exchange<MeetingWire.Updated> updateMeeting(@Body MeetingWire.Update body);

    @POST("cgi-bin/meeting/cancel")
    Exchange<Reply.Bare> cancelMeeting(@Body MeetingWire.Ref body);

    @POST("cgi-bin/meeting/get_info")
    Exchange<MeetingWire.Info> meetingInfo(@Body MeetingWire.Ref body);

    @POST("cgi-bin/meeting/get_user_meetingid")
    Exchange<MeetingWire.IdPage> userMeetings(@Body MeetingWire.UserQuery body);

    @POST("cgi-bin/meeting/webinar/create")
    Exchange<WebinarWire.Created> createWebinar(@Body WebinarWire.Create body);

    @POST("cgi-bin/meeting/webinar/update")
    Exchange<Reply.Bare> updateWebinar(@Body WebinarWire.Update body);

    @POST("cgi-bin/meeting/webinar/cancel")
    Exchange<Reply.Bare> cancelWebinar(@Body WebinarWire.Ref body);

    @POST("cgi-bin/meeting/webinar/get")
    Exchange<WebinarWire.Info> webinar(@Body WebinarWire.Ref body);

    @POST("cgi-bin/living/create")
    Exchange<LivingWire.Created> createLiving(@Body LivingWire.Create body);

    @POST("cgi-bin/living/modify")
    Exchange<Reply.Bare> modifyLiving(@Body LivingWire.Modify body);

    @POST("cgi-bin/living/cancel")
    Exchange<Reply.Bare> cancelLiving(@Body LivingWire.Ref body);

    @GET("cgi-bin/living/get_living_info")
    Exchange<LivingWire.InfoReply> livingInfo(@Query("livingid") String livingid);

    @POST("cgi-bin/living/get_user_all_livingid")
    Exchange<LivingWire.IdPage> userLivings(@Body LivingWire.UserQuery body);

}
