package serve

import (
	"net"
	"testing"
)

func TestShownHost(t *testing.T) {
	cidr := func(s string) net.Addr {
		ip, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		return n
	}
	lan := []net.Addr{cidr("127.0.0.1/8"), cidr("::1/128"), cidr("fe80::1/64"), cidr("192.0.2.2/24"), cidr("10.1.2.3/8")}
	v6only := []net.Addr{cidr("127.0.0.1/8"), cidr("fe80::1/64"), cidr("2001:db8::7/64")}
	for _, c := range []struct {
		name     string
		addr     string
		ifaces   []net.Addr
		hostname string
		want     string
	}{
		// --addr 0.0.0.0:8750 and :8750 listen on [::]: printed as such,
		// no colleague could open the address.
		{"every interface", "[::]:8750", lan, "vm", "192.0.2.2:8750"},
		{"every IPv4 interface", "0.0.0.0:8750", lan, "vm", "192.0.2.2:8750"},
		{"IPv6 only", "[::]:8750", v6only, "vm", "[2001:db8::7]:8750"},
		{"no global address", "[::]:8750", []net.Addr{cidr("127.0.0.1/8")}, "newsdesk", "newsdesk:8750"},
		{"nothing known", "[::]:8750", nil, "", "localhost:8750"},
		{"loopback", "127.0.0.1:8750", lan, "vm", "127.0.0.1:8750"},
		{"one address", "192.168.1.10:9000", lan, "vm", "192.168.1.10:9000"},
	} {
		addr, err := net.ResolveTCPAddr("tcp", c.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := ShownHost(addr, c.ifaces, c.hostname); got != c.want {
			t.Errorf("%s: ShownHost(%s) = %s, want %s", c.name, c.addr, got, c.want)
		}
	}
}
