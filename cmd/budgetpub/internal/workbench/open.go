package workbench

import (
	"errors"
	"os/exec"
	"runtime"
)

// OpenBrowser opens url in the default browser: rundll32's URL handler on
// Windows (no shell quoting of the address), open on macOS, xdg-open
// elsewhere. It does not wait for the browser.
func OpenBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		p, err := exec.LookPath("xdg-open")
		if err != nil {
			return errors.New("没有找到 xdg-open")
		}
		cmd = exec.Command(p, url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reap it
	return nil
}
