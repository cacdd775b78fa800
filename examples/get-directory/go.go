package main

import (
	"context"
	"fmt"
	"os"

	"github.com/acme-example/acme-go/pkg/directorysync"
)

func main() {
	directorysync.SetAPIKey(os.Getenv("ACME_API_KEY"))
	ctx := context.Background()

	directory, err := directorysync.GetDirectory(ctx, directorysync.GetDirectoryOpts{
		Directory: "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s is %s\n", directory.Name, directory.State)
}
