package main

import "github.com/budgetpub/budgetpub/render/publish"

// configFlags are the flags of what the pipeline loads once per process —
// catalog, wording and fonts — shared by every command that runs it, so
// that check accepts and refuses exactly what render does.
func configFlags(fs *flagSet) *publish.Config {
	c := &publish.Config{}
	fs.StringVar(&c.Catalog, "catalog", "", "自己的分类目录`文件`（CSV：编码,名称），补充并覆盖自带目录")
	fs.StringVar(&c.Templates, "templates", "", "含 part3.tmpl 的`目录`：替换第三部分说明文字的句式")
	fs.StringVar(&c.FontBody, "font-body", "", "正文和表格字体`文件`（TrueType .ttf，如仿宋_GB2312）")
	fs.StringVar(&c.FontTitle, "font-title", "", "标题字体`文件`（如小标宋）")
	fs.StringVar(&c.FontHeading, "font-heading", "", "小标题字体`文件`（如黑体）")
	return c
}

// forceFlag is render's and batch's --force.
func forceFlag(fs *flagSet) *bool {
	return fs.Bool("force", false, "核对有错误时仍生成（每页标明“草稿”，不得作为正式公开文本）")
}

// outFlag is the output folder of render and batch.
func outFlag(fs *flagSet, what string) *string {
	return fs.String("o", "output", "输出`目录`，"+what)
}

// htmlFlag is --html of render and batch.
func htmlFlag(fs *flagSet) *bool {
	return fs.Bool("html", false, "同时生成网页版：<文件名>.html（一个自带样式、无脚本的无障碍网页，各表、图和绩效目标表俱全，链接同名的 PDF、工作簿和开放数据），与工作簿和 PDF 一同写入")
}

// strictFlag is --strict of render, check and batch.
func strictFlag(fs *flagSet) *bool {
	return fs.Bool("strict", false, "把每条警告都当作错误（有未处理的问题就不生成，供要求零问题公开的财政部门使用）")
}

// openDataFlag is --open-data of render and batch.
func openDataFlag(fs *flagSet) *bool {
	return fs.Bool("open-data", false, "同时生成开放数据：<文件名>.json（各表及第三部分的数字）和 <文件名>.csv（每个金额一行）；batch 另写 datapackage.json")
}
