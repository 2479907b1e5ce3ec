package dev.convene.provider.zoom.internal;

import dev.convene.spi.Exchange;
import dev.convene.spi.http.NoToken;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/**
 * Zoom REST API v2, relative to the base URL (plain, or {@code …/accounts/{subAccountId}/} for the
 * primary-account mirrors, §3.7). {@code collection} is {@code meetings} or {@code webinars}: the two
 * families have the same shape (§3, §4).
 */
public interface ZoomApi {
    /** §1.1: form body, Basic auth instead of the bearer token; the URL is the configured OAuth endpoint, not under the API base. */
    @NoToken
    @FormUrlEncoded
    @POST
    Exchange<ZoomWire.Token> token(@Url String oauthUrl, @Header("Authorization") String basic,
                                   @Field("grant_type") String grantType, @Field("account_id") String accountId);

    @POST("users/{userId}/{collection}")
    Exchange<ZoomWire.Session> create(@Path("userId") String userId, @Path("collection") String collection,
                                      @Body ZoomWire.SessionRequest body);

    /**
     * §3.2 / §4.2: without {@code show_previous_occurrences} Zoom leaves out the occurrences that have
     * ended, and a session's occurrences are all of them. {@code occurrence_id} is not offered: it only
     * narrows the answer's time and agenda to one occurrence, which the full list already carries.
     */
    @GET("{collection}/{id}?show_previous_occurrences=true")
    Exchange<ZoomWire.Session> get(@Path("collection") String collection, @Path("id") String id);

    @PATCH("{collection}/{id}")
    Exchange<Void> update(@Path("collection") String collection, @Path("id") String id, @Body ZoomWire.SessionRequest body);

    @DELETE("{collection}/{id}")
    Exchange<Void> delete(@Path("collection") String collection, @Path("id") String id);

    /** §3.5 / §4.5: {@code page_number} is deprecated and {@code next_page_token} unconfirmed for webinars; see {@link ZoomClient#list}. */
    @GET("users/{userId}/{collection}")
    Exchange<ZoomWire.Page> list(@Path("userId") String userId, @Path("collection") String collection,
                                 @Query("page_size") Integer pageSize, @Query("page_number") Integer pageNumber,
                                 @Query("next_page_token") String nextPageToken);
}
