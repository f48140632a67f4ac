variable "moto_endpoint" {
  description = "Base URL of the moto_server the test script started (http://127.0.0.1:<port>)."
  type        = string

  validation {
    condition     = can(regex("^http://127\\.0\\.0\\.1:[0-9]+$", var.moto_endpoint))
    error_message = "moto_endpoint must be http://127.0.0.1:<port>: this fixture never talks to real AWS."
  }
}

variable "name_prefix" {
  description = "Prefix of the resources created in moto."
  type        = string
  default     = "streamingapp-moto"
}
