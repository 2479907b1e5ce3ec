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
    Exchange<WeComWire.Token> gettoken(@Query("corpid") String corpId, @Query("corpsecret") String corpSecret);

    @POST("cgi-bin/meeting/create")
    Exchange<WeComWire.Meeting.Created> createMeeting(@Body WeComWire.Meeting.Create body);

    @POST("cgi-bin/meeting/update")
    Exchange<WeComWire.Meeting.Updated> updateMeeting(@Body WeComWire.Meeting.Update body);

    @POST("cgi-bin/meeting/cancel")
    Exchange<WeComWire.Reply.Bare> cancelMeeting(@Body WeComWire.Meeting.Ref body);

    @POST("cgi-bin/meeting/get_info")
    Exchange<WeComWire.Meeting.Info> meetingInfo(@Body WeComWire.Meeting.Ref body);

    @POST("cgi-bin/meeting/get_user_meetingid")
    Exchange<WeComWire.Meeting.IdPage> userMeetings(@Body WeComWire.Meeting.UserQuery body);

    @POST("cgi-bin/meeting/webinar/create")
    Exchange<WeComWire.Webinar.Created> createWebinar(@Body WeComWire.Webinar.Create body);

    @POST("cgi-bin/meeting/webinar/update")
    Exchange<WeComWire.Reply.Bare> updateWebinar(@Body WeComWire.Webinar.Update body);

    @POST("cgi-bin/meeting/webinar/cancel")
    Exchange<WeComWire.Reply.Bare> cancelWebinar(@Body WeComWire.Webinar.Ref body);

    @POST("cgi-bin/meeting/webinar/get")
    Exchange<WeComWire.Webinar.Info> webinar(@Body WeComWire.Webinar.Ref body);

    @POST("cgi-bin/living/create")
    Exchange<WeComWire.Living.Created> createLiving(@Body WeComWire.Living.Create body);

    @POST("cgi-bin/living/modify")
    Exchange<WeComWire.Reply.Bare> modifyLiving(@Body WeComWire.Living.Modify body);

    @POST("cgi-bin/living/cancel")
    Exchange<WeComWire.Reply.Bare> cancelLiving(@Body WeComWire.Living.Ref body);

    @GET("cgi-bin/living/get_living_info")
    Exchange<WeComWire.Living.InfoReply> livingInfo(@Query("livingid") String livingid);

    @POST("cgi-bin/living/get_user_all_livingid")
    Exchange<WeComWire.Living.IdPage> userLivings(@Body WeComWire.Living.UserQuery body);

}
