package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/budgetpub/budgetpub/cmd/budgetpub/internal/workbench"
	"github.com/budgetpub/budgetpub/render/publish"
)

// defaultListen is where the workbench listens unless told: this machine
// only, on a fixed port (a bookmark keeps working), or any free port when
// that one is taken.
const defaultListen = "127.0.0.1:8765"

// tokenEnv is the environment variable that may hold the access token.
const tokenEnv = "BUDGETPUB_TOKEN"

var serveCmd = &command{
	name:    "serve",
	summary: "打开浏览器中的工作台：上传工作簿或主输入文件、填写、核对、生成和下载，不用命令行",
	usage:   "[选项]",
	notes: `默认只在本机（127.0.0.1:8765，被占用时另选空闲端口）监听，并自动打开浏览器。
在其他地址上监听（供局域网内其他电脑使用）时必须有访问令牌：--token，或环境变量 ` + tokenEnv + `；
每个请求都须带上它（首次打开的地址中带有 ?token=…）。上传的文件只保存在本机的临时文件夹中，
每个工作区在关闭、空闲超过 --idle 分钟或程序退出时删除。按 Ctrl+C 退出。
在 Windows 上双击 budgetpub.exe（不带参数、由资源管理器打开）即启动工作台。`,
	examples: []string{
		"budgetpub serve",
		"budgetpub serve --listen 0.0.0.0:8080 --token 一串足够长的随机字符 --no-open",
	},
	define: func(fs *flagSet) func(*env, []string) int {
		listen := fs.String("listen", "", "监听的`地址`（默认 "+defaultListen+"，仅本机）")
		noOpen := fs.Bool("no-open", false, "不自动打开浏览器")
		token := fs.String("token", "", "访问`令牌`（至少 16 个字符）；不在本机地址上监听时必须有（也可用环境变量 "+tokenEnv+"）")
		idle := &intValue{lo: 5, hi: 7 * 24 * 60, what: "分钟数"}
		fs.Var(idle, "idle", "工作区空闲多少`分钟`后删除（默认 120）")
		jobs := &intValue{lo: 1, hi: 256, what: "整数"}
		fs.Var(jobs, "j", "同时核对或生成的部门`个数`（默认为 CPU 核数）")
		force := forceFlag(fs)
		strict := strictFlag(fs)
		openData := openDataFlag(fs)
		layout := layoutFlag(fs)
		cfg := configFlags(fs)
		return func(e *env, args []string) int {
			if len(args) > 0 {
				return e.usage("未知的参数 %s", args[0])
			}
			tok := *token
			if tok == "" {
				tok = os.Getenv(tokenEnv)
			}
			if tok != "" && len(tok) < 16 {
				return e.usage("访问令牌太短（至少 16 个字符）：请用一串足够长的随机字符")
			}
			addr := *listen
			if addr == "" {
				addr = defaultListen
			}
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return e.usage("--listen 的地址 %q 不对：应为 主机:端口，如 127.0.0.1:8765", addr)
			}
			loopback := isLoopback(host)
			if !loopback && tok == "" {
				return e.usage("在 %s 上监听会让其他电脑访问工作台，必须设访问令牌：加 --token 一串随机字符，或设置环境变量 %s", addr, tokenEnv)
			}
			res, err := publish.Load(*cfg)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return exitFor(err)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil && *listen == "" {
				ln, err = net.Listen("tcp", "127.0.0.1:0")
			}
			if err != nil {
				fmt.Fprintf(e.stderr, "budgetpub serve: 无法在 %s 上监听：%v（端口可能已被占用：用 --listen 换一个端口）\n", addr, err)
				return 1
			}
			wb, err := workbench.New(workbench.Config{
				Resources: res,
				Options:   publish.Options{Force: *force, Strict: *strict, OpenData: *openData, Layout: layout.id},
				Token:     tok,
				Loopback:  loopback,
				Workers:   jobs.n,
				Idle:      time.Duration(max(idle.n, 0)) * time.Minute,
				Log:       e.stderr,
			})
			if err != nil {
				ln.Close()
				fmt.Fprintln(e.stderr, err)
				return 1
			}
			defer wb.Close()
			srv := &http.Server{
				Handler:           wb.Handler(),
				ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout:       30 * time.Minute, // a bureau's upload on a slow network
				IdleTimeout:       2 * time.Minute,
				MaxHeaderBytes:    64 << 10,
			}
			url := "http://" + urlHost(ln.Addr().String(), loopback) + "/"
			if tok != "" {
				url += "?token=" + tok
			}
			fmt.Fprintf(e.stdout, "工作台已启动：%s\n在浏览器中打开这个地址；按 Ctrl+C 退出（工作区中的文件随之删除）。\n", url)
			if !*noOpen {
				if err := workbench.OpenBrowser(url); err != nil {
					fmt.Fprintf(e.stderr, "无法自动打开浏览器（%v）：请手动打开上面的地址\n", err)
				}
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			served := make(chan error, 1)
			go func() { served <- srv.Serve(ln) }()
			select {
			case err := <-served:
				if !errors.Is(err, http.ErrServerClosed) {
					fmt.Fprintf(e.stderr, "budgetpub serve: %v\n", err)
					return 1
				}
			case <-ctx.Done():
				fmt.Fprintln(e.stdout, "正在退出……")
				shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				_ = srv.Shutdown(shut)
			}
			return 0
		}
	},
}

// isLoopback tells a host of this machine only.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// urlHost is the host:port to print: 127.0.0.1 for a loopback or
// unspecified address (0.0.0.0 is no address a browser can open; the other
// machines use this one's own name).
func urlHost(addr string, loopback bool) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); ip != nil && (ip.IsUnspecified() || loopback) {
		if name, err := os.Hostname(); err == nil && !loopback {
			return net.JoinHostPort(name, port)
		}
		return net.JoinHostPort("127.0.0.1", port)
	}
	return net.JoinHostPort(host, port)
}
