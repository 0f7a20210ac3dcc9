terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
  # State in S3 with locking; the bucket and table are given at init:
  # terraform init -backend-config=backend.hcl (see terraform/README.md).
  backend "s3" {}
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      Project     = "arogya"
      Environment = var.environment
    }
  }
}
