package netweave_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	netweave "github.com/netweave/netweave/clients/go"
)

// secret signs the gateway's notifications in these tests.
const secret = "whsec_c2RrLXRlc3Qtc2VjcmV0LWtleS0zMg=="

// binary is the netweave executable (scripts/test-clients.sh sets NW_BINARY).
func binary(t *testing.T) string {
	b := os.Getenv("NW_BINARY")
	if b == "" {
		t.Fatal("NW_BINARY names the netweave binary (scripts/test-clients.sh sets it)")
	}
	return b
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// gateway is a real `netweave serve` on a free loopback port with embedded stores; every
// watch is cut off after 3 events (the server's lag path).
type gateway struct {
	t       *testing.T
	dataDir string
	port    int
	scheme  string
	env     []string
	args    []string
	cmd     *exec.Cmd
}

func startGateway(t *testing.T, g *gateway) *gateway {
	g.t = t
	if g.port == 0 {
		g.port = freePort(t)
	}
	if g.scheme == "" {
		g.scheme = "http"
	}
	args := append([]string{
		"serve", "--listen", fmt.Sprintf("127.0.0.1:%d", g.port), "--data-dir", g.dataDir,
		"--sim-pools", "5", "--sim-resources", "20", "--webhook-secret", secret,
		"--callback-allow", "127.0.0.0/8",
	}, g.args...)
	g.cmd = exec.Command(binary(t), args...)
	g.cmd.Stdout, g.cmd.Stderr = os.Stdout, os.Stderr
	g.cmd.Env = append(append(os.Environ(),
		"NW_TEST_WATCH_CUT_EVERY=3",
		"NETWEAVE_EVENTS__HEARTBEAT_SECONDS=0.2",
		"NETWEAVE_WEBHOOKS__VERIFY_CALLBACKS=true",
		"NETWEAVE_WEBHOOKS__BASE_DELAY_MS=50",
		"RUST_LOG=error",
	), g.env...)
	if err := g.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if g.cmd != nil {
			_ = g.cmd.Process.Kill()
			_ = g.cmd.Wait()
		}
	})
	return g
}

func (g *gateway) url() string { return fmt.Sprintf("%s://127.0.0.1:%d", g.scheme, g.port) }

// wait returns once the gateway answers.
func (g *gateway) wait(c *netweave.Client) {
	for i := 0; i < 400; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		_, err := c.GetCloudInfo(ctx)
		cancel()
		switch status.Code(err) {
		case codes.Unavailable, codes.Unknown, codes.DeadlineExceeded:
			time.Sleep(25 * time.Millisecond)
		default:
			return
		}
	}
	g.t.Fatalf("%s never answered", g.url())
}

func (g *gateway) stop() {
	if err := g.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		g.t.Fatal(err)
	}
	if err := g.cmd.Wait(); err != nil {
		g.t.Fatalf("the gateway stopped with %v", err)
	}
	g.cmd = nil
}

func connect(t *testing.T, g *gateway, o netweave.Options) *netweave.Client {
	c, err := netweave.Dial(g.url(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	g.wait(c)
	return c
}
