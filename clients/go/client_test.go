package netweave_test

// The Go SDK against a real `netweave serve`: paging, filters, gets, subscriptions, a
// signed webhook verified by the SDK, Watch across cut-offs and a restart, ResyncRequired,
// and TLS with a bearer token from a callback.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	netweave "github.com/netweave/netweave/clients/go"
	eventsv1 "github.com/netweave/netweave/clients/go/gen/netweave/events/v1"
	o2imsv1 "github.com/netweave/netweave/clients/go/gen/netweave/o2ims/v1"
)

const smoID = "6f1c2a52-3b7e-4c1d-9a55-0d3c1f7e2b90"

var bg = context.Background()

// must unwraps a result; an error panics, which fails the test with its stack (Go 1.19
// cannot pass a (value, error) call alongside a *testing.T).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func wantCode(t *testing.T, err error, want codes.Code) {
	t.Helper()
	if status.Code(err) != want {
		t.Fatalf("want %v, got %v", want, err)
	}
}

func newPool(t *testing.T, c *netweave.Client, name string) string {
	t.Helper()
	first := must(c.ListResourcePools(netweave.ListOptions{PageSize: 1}).NextPage(bg))
	p := must(c.CreateResourcePool(bg, &o2imsv1.ResourcePool{
		Name: name, OCloudSiteId: first.Items[0].OCloudSiteId, Description: "made by the SDK test",
	}))
	return p.ResourcePoolId
}

// following is a watch "from now" that has learned its cursor from a heartbeat (one event
// first: on an empty log the heartbeats' cursor is 0).
func following(t *testing.T, c *netweave.Client, s netweave.WatchSelector) *netweave.Watch {
	newPool(t, c, "first")
	w := c.Watch(s, 0)
	for w.Cursor() == 0 {
		must(w.Step(bg))
	}
	return w
}

func next(t *testing.T, w *netweave.Watch) *eventsv1.Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(bg, 20*time.Second)
	defer cancel()
	return must(w.Next(ctx))
}

func TestListsPageFilterAndGet(t *testing.T) {
	g := startGateway(t, &gateway{dataDir: t.TempDir()})
	c := connect(t, g, netweave.Options{})
	pools := c.ListResourcePools(netweave.ListOptions{PageSize: 2})
	var sizes []int
	for !pools.Done() {
		sizes = append(sizes, len(must(pools.NextPage(bg)).Items))
	}
	if !reflect.DeepEqual(sizes, []int{2, 2, 1}) {
		t.Fatalf("page sizes %v", sizes)
	}
	all := must(c.ListResourcePools(netweave.ListOptions{PageSize: 2}).All(bg))
	if len(all) != 5 {
		t.Fatalf("%d pools", len(all))
	}
	first := all[0]
	only := must(c.ListResourcePools(netweave.ListOptions{
		Filter: netweave.NewFilter().Eq("resourcePoolId", first.ResourcePoolId).String(),
	}).All(bg))
	if len(only) != 1 || !proto.Equal(only[0], first) {
		t.Fatalf("filtered: %v", only)
	}
	if got := must(c.GetResourcePool(bg, first.ResourcePoolId)); !proto.Equal(got, first) {
		t.Fatalf("get: %v", got)
	}
	_, err := c.GetResourcePool(bg, "00000000-0000-4000-8000-000000000000")
	wantCode(t, err, codes.NotFound)
	// A quoted value with a comma and a quote reaches the server's parser intact.
	odd := newPool(t, c, "O'Brien, east")
	byName := must(c.ListResourcePools(netweave.ListOptions{Filter: netweave.NewFilter().Eq("name", "O'Brien, east").String()}).All(bg))
	if len(byName) != 1 || byName[0].ResourcePoolId != odd {
		t.Fatalf("by a quoted name: %v", byName)
	}

	resources := c.ListResources(first.ResourcePoolId, netweave.ListOptions{PageSize: 3})
	page := must(resources.NextPage(bg))
	if page.TotalCount <= 3 {
		t.Fatalf("resources span pages: %d", page.TotalCount)
	}
	rest := must(resources.All(bg))
	if int64(len(page.Items)+len(rest)) != page.TotalCount {
		t.Fatalf("%d + %d resources of %d", len(page.Items), len(rest), page.TotalCount)
	}
	one := page.Items[0]
	if got := must(c.GetResource(bg, first.ResourcePoolId, one.ResourceId)); !proto.Equal(got, one) {
		t.Fatalf("get resource: %v", got)
	}
}

// receiver is an SMO's notification endpoint that verifies with the SDK's helper.
type receiver struct {
	mu              sync.Mutex
	notifications   []*netweave.InventoryChangeNotification
	tamperedRefused int
	verifications   int
	url             string
	server          *http.Server
}

func startReceiver(t *testing.T) *receiver {
	r := &receiver{}
	l := must(net.Listen("tcp", "127.0.0.1:0"))
	r.url = fmt.Sprintf("http://%s/notify", l.Addr())
	r.server = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		defer r.mu.Unlock()
		if req.Method == http.MethodGet {
			r.verifications++
			w.WriteHeader(netweave.VerificationStatus)
			return
		}
		body, _ := io.ReadAll(req.Body)
		tampered := append([]byte(nil), body...)
		tampered[1] ^= 1
		_, terr := netweave.Verify(tampered, req.Header, []string{secret})
		n, err := netweave.Verify(body, req.Header, []string{secret})
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if netweave.IsVerifyError(terr) {
			r.tamperedRefused++
		}
		r.notifications = append(r.notifications, n)
		w.WriteHeader(http.StatusNoContent)
	})}
	go r.server.Serve(l)
	t.Cleanup(func() { r.server.Close() })
	return r
}

func (r *receiver) received(n int) []*netweave.InventoryChangeNotification {
	for i := 0; i < 200; i++ {
		r.mu.Lock()
		got := append([]*netweave.InventoryChangeNotification(nil), r.notifications...)
		r.mu.Unlock()
		if len(got) >= n {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

func TestSubscriptionsAndAVerifiedWebhook(t *testing.T) {
	g := startGateway(t, &gateway{dataDir: t.TempDir()})
	c := connect(t, g, netweave.Options{})
	r := startReceiver(t)
	sub := must(c.CreateSubscription(bg, &o2imsv1.Subscription{
		Callback: r.url, ConsumerSubscriptionId: smoID,
		Filter: netweave.NewFilter().Neq("objectKind", "ResourcePool").String(),
	}))
	if r.verifications != 1 {
		t.Fatalf("%d verification GETs", r.verifications)
	}
	subs := must(c.ListSubscriptions(netweave.ListOptions{}).All(bg))
	if len(subs) != 1 || !proto.Equal(subs[0], sub) {
		t.Fatalf("subscriptions: %v", subs)
	}
	_, err := c.CreateSubscription(bg, &o2imsv1.Subscription{Callback: r.url})
	wantCode(t, err, codes.AlreadyExists)
	// One idempotency key, twice: the first answer, and no second verification or creation.
	verified := r.verifications
	keyedCtx := netweave.WithIdempotencyKey(bg, "go-grpc-once")
	once := must(c.CreateSubscription(keyedCtx, &o2imsv1.Subscription{Callback: r.url + "?keyed"}))
	again := must(c.CreateSubscription(keyedCtx, &o2imsv1.Subscription{Callback: r.url + "?keyed"}))
	if !proto.Equal(once, again) || r.verifications != verified+1 {
		t.Fatalf("a repeated key: %v then %v, %d verifications", once, again, r.verifications)
	}
	if n := len(must(c.ListSubscriptions(netweave.ListOptions{}).All(bg))); n != 2 {
		t.Fatalf("%d subscriptions", n)
	}
	if err := c.DeleteSubscription(bg, once.SubscriptionId); err != nil {
		t.Fatal(err)
	}

	created := newPool(t, c, "notified")
	got := r.received(1)
	if len(got) == 0 {
		t.Fatal("no notification arrived")
	}
	n := got[0]
	if n.NotificationEventType != 0 || n.ConsumerSubscriptionID != smoID || n.PostObjectState["resourcePoolId"] != created {
		t.Fatalf("notification %+v", n)
	}
	r.mu.Lock()
	if r.tamperedRefused != len(r.notifications) {
		t.Fatalf("%d of %d tampered copies refused", r.tamperedRefused, len(r.notifications))
	}
	r.mu.Unlock()

	if err := c.DeleteSubscription(bg, sub.SubscriptionId); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetSubscription(bg, sub.SubscriptionId)
	wantCode(t, err, codes.NotFound)
}

func TestTheVerifierRefusesAStaleTimestampAndAWrongSecret(t *testing.T) {
	// The Standard Webhooks specification's own test vector.
	h := http.Header{}
	h.Set("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
	h.Set("webhook-timestamp", "1614265330")
	h.Set("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	body := []byte(`{"test": 2432232314}`)
	vector := "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	at := time.Unix(1614265330, 0)
	if err := netweave.VerifySignature(body, h, []string{secret, vector}, at); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		secrets []string
		at      time.Time
		h       http.Header
		want    string
	}{
		{[]string{vector}, at.Add(301 * time.Second), h, "five minutes"},
		{[]string{secret}, at, h, "no signature matches"},
		{[]string{vector}, at, http.Header{}, "no signature header"},
		{[]string{vector}, at, http.Header{"X-O2ims-Signature": {"00"}}, "no signature matches"},
		{[]string{"not-a-secret"}, at, h, "whsec_"},
	} {
		err := netweave.VerifySignature(body, c.h, c.secrets, c.at)
		if !netweave.IsVerifyError(err) || !strings.Contains(err.Error(), c.want) {
			t.Fatalf("want %q, got %v", c.want, err)
		}
	}
}

func TestTheFilterBuilderQuotes(t *testing.T) {
	f := netweave.NewFilter().Eq("extensions/country", "ES").In("name", "a,b", "c").Neq("x", "").Cont("y", "it's")
	if got := f.String(); got != "(eq,extensions/country,ES);(in,name,'a,b',c);(neq,x,'');(cont,y,'it''s')" {
		t.Fatal(got)
	}
}

func TestWatchResumesAcrossCutOffsAndARestart(t *testing.T) {
	dir := t.TempDir()
	g := startGateway(t, &gateway{dataDir: dir})
	c := connect(t, g, netweave.Options{})
	selector := netweave.WatchSelector{TypePattern: "o2ims.ResourcePool.*"}
	w := following(t, c, selector)
	var expected, seen []string
	for i := 0; i < 4; i++ {
		expected = append(expected, newPool(t, c, fmt.Sprintf("before-%d", i)))
	}
	for i := 0; i < 4; i++ {
		seen = append(seen, next(t, w).ObjectId)
	}
	if w.Resumes < 1 {
		t.Fatal("a cut-off after 3 events was resumed")
	}

	g.stop()
	g = startGateway(t, &gateway{dataDir: dir, port: g.port})
	// The same client: its connection reconnects.
	g.wait(c)
	for i := 0; i < 4; i++ {
		expected = append(expected, newPool(t, c, fmt.Sprintf("after-%d", i)))
	}
	for i := 0; i < 4; i++ {
		seen = append(seen, next(t, w).ObjectId)
	}
	if !reflect.DeepEqual(seen, expected) {
		t.Fatalf("events lost or repeated across cut-offs and the restart:\n seen %v\n want %v", seen, expected)
	}
	saved := w.Cursor()
	w.Close()
	if _, err := w.Next(bg); !errors.Is(err, netweave.ErrWatchClosed) {
		t.Fatalf("after Close: %v", err)
	}
	// A persisted cursor goes on exactly where the last watch stopped.
	last := newPool(t, c, "last")
	again := c.Watch(selector, saved)
	defer again.Close()
	if got := next(t, again).ObjectId; got != last {
		t.Fatalf("resumed at %s, want %s", got, last)
	}
	g.stop()
}

func TestACursorOlderThanRetentionAsksForAResync(t *testing.T) {
	g := startGateway(t, &gateway{dataDir: t.TempDir(), env: []string{"NETWEAVE_EVENTS__RETENTION_EVENTS=3"}})
	c := connect(t, g, netweave.Options{})
	for i := 0; i < 8; i++ {
		newPool(t, c, fmt.Sprintf("p%d", i))
	}
	w := c.Watch(netweave.WatchSelector{}, 1)
	_, err := w.Next(bg)
	var resync *netweave.ResyncRequired
	if !errors.As(err, &resync) || resync.Requested != 1 || resync.Latest < 8 {
		t.Fatalf("want ResyncRequired, got %v", err)
	}
	if _, again := w.Next(bg); !errors.As(again, &resync) {
		t.Fatalf("the watch has ended: %v", again)
	}
	g.stop()
}

func TestTLSWithABearerTokenFromACallback(t *testing.T) {
	certs := filepath.Join(t.TempDir(), "certs")
	if out, err := exec.Command(binary(t), "dev-certs", certs).CombinedOutput(); err != nil {
		t.Fatalf("dev-certs: %v %s", err, out)
	}
	g := startGateway(t, &gateway{dataDir: t.TempDir(), scheme: "https", args: []string{
		"--tls-cert", filepath.Join(certs, "server.pem"), "--tls-key", filepath.Join(certs, "server.key"),
		"--auth-jwks-uri", "file://" + filepath.Join(certs, "jwks.json"), "--auth-audience", "netweave-dev",
	}})
	ca := must(os.ReadFile(filepath.Join(certs, "ca.pem")))
	token := strings.TrimSpace(string(must(os.ReadFile(filepath.Join(certs, "token")))))
	url := fmt.Sprintf("https://localhost:%d", g.port)

	anonymous := must(netweave.Dial(url, netweave.Options{CAPEM: ca}))
	defer anonymous.Close()
	refused := false
	for i := 0; i < 400 && !refused; i++ {
		_, err := anonymous.GetCloudInfo(bg)
		if err == nil {
			t.Fatal("an anonymous call was answered")
		}
		refused = status.Code(err) == codes.Unauthenticated
		time.Sleep(25 * time.Millisecond)
	}
	if !refused {
		t.Fatal("never refused as unauthenticated")
	}

	var mu sync.Mutex
	reads := 0
	authed := must(netweave.Dial(url, netweave.Options{CAPEM: ca, TokenFunc: func(context.Context) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		reads++
		return token, nil
	}}))
	defer authed.Close()
	if pools := must(authed.ListResourcePools(netweave.ListOptions{PageSize: 2}).All(bg)); len(pools) != 5 {
		t.Fatalf("%d pools", len(pools))
	}
	if reads != 3 {
		t.Fatalf("the callback was read %d times for 3 pages", reads)
	}
	w := following(t, authed, netweave.WatchSelector{})
	defer w.Close()
	created := newPool(t, authed, "over-tls")
	for {
		e := next(t, w)
		if e.ObjectId == created {
			if e.EventType != "o2ims.ResourcePool.Created" {
				t.Fatalf("event type %s", e.EventType)
			}
			break
		}
	}
	g.stop()
}
