//! Typed calls, one small method per OVH route, grouped by API area.
use serde::de::IgnoredAny;

use crate::client::{segment as seg, Listed};
use crate::types::*;
use crate::{Client, Result};

fn project(id: &str) -> String {
    format!("/cloud/project/{}", seg(id))
}

impl Client {
    /// `GET /auth/time`: OVH's clock, in UNIX seconds.
    pub async fn server_time(&self) -> Result<i64> {
        self.get_unsigned("/auth/time", &[]).await
    }

    /// `POST /auth/credential`: asks for a consumer key with these rules; the user must open
    /// the returned `validation_url` before it works.
    pub async fn request_credential(
        &self,
        request: &CredentialRequest,
    ) -> Result<CredentialPending> {
        self.post_unsigned("/auth/credential", request).await
    }

    /// `GET /auth/currentCredential`.
    pub async fn current_credential(&self) -> Result<Credential> {
        self.get("/auth/currentCredential", &[]).await
    }

    /// `GET /me`: the account's country (`ovhSubsidiary`), whose catalog prices backups. Needs
    /// the read-only rule `GET /me`.
    pub async fn me(&self) -> Result<Me> {
        self.get("/me", &[]).await
    }

    /// `GET /auth/details`.
    pub async fn auth_details(&self) -> Result<AuthDetails> {
        self.get("/auth/details", &[]).await
    }

    /// `GET /cloud/project`: project ids.
    pub async fn project_ids(&self) -> Result<Vec<String>> {
        self.get("/cloud/project", &[]).await
    }

    /// `GET /cloud/project/{id}`.
    pub async fn project(&self, project_id: &str) -> Result<Project> {
        self.get(&project(project_id), &[]).await
    }

    /// `GET /cloud/project/{id}/region`: region names.
    pub async fn region_names(&self, project_id: &str) -> Result<Vec<String>> {
        self.get(&format!("{}/region", project(project_id)), &[])
            .await
    }

    /// Every project, as full objects in one read where OVH offers it (see
    /// [`Client::get_objects`]); else the ids, for the caller to read one by one.
    pub async fn projects(&self) -> Result<Listed<Project>> {
        self.get_objects("/cloud/project").await
    }

    /// A project's regions with their services: one bulk read, or the names and then each
    /// region's details (concurrently, within the client's bound) where the bulk mode is not
    /// served.
    pub async fn regions(&self, project_id: &str) -> Result<Vec<Region>> {
        match self
            .get_objects(&format!("{}/region", project(project_id)))
            .await?
        {
            Listed::Objects(regions) => Ok(regions),
            Listed::Ids(names) => {
                futures_util::future::try_join_all(
                    names.iter().map(|name| self.region(project_id, name)),
                )
                .await
            }
        }
    }

    /// `GET /cloud/project/{id}/region/{region}`, with its services.
    pub async fn region(&self, project_id: &str, region: &str) -> Result<Region> {
        self.get(
            &format!("{}/region/{}", project(project_id), seg(region)),
            &[],
        )
        .await
    }

    /// `GET /cloud/project/{id}/instance`, optionally for one region.
    pub async fn instances(&self, project_id: &str, region: Option<&str>) -> Result<Vec<Instance>> {
        let query: Vec<(&str, &str)> = region.map(|r| ("region", r)).into_iter().collect();
        self.get_list(&format!("{}/instance", project(project_id)), &query)
            .await
    }

    /// `GET /cloud/project/{id}/instance/{instance}`.
    pub async fn instance(&self, project_id: &str, instance_id: &str) -> Result<Instance> {
        self.get(
            &format!("{}/instance/{}", project(project_id), seg(instance_id)),
            &[],
        )
        .await
    }

    /// `GET /cloud/project/{id}/flavor`, optionally for one region.
    pub async fn flavors(&self, project_id: &str, region: Option<&str>) -> Result<Vec<Flavor>> {
        let query: Vec<(&str, &str)> = region.map(|r| ("region", r)).into_iter().collect();
        self.get_list(&format!("{}/flavor", project(project_id)), &query)
            .await
    }

    /// `GET /cloud/project/{id}/flavor/{flavor}`.
    pub async fn flavor(&self, project_id: &str, flavor_id: &str) -> Result<Flavor> {
        self.get(
            &format!("{}/flavor/{}", project(project_id), seg(flavor_id)),
            &[],
        )
        .await
    }

    /// `GET /cloud/project/{id}/image`, optionally for one region.
    pub async fn images(&self, project_id: &str, region: Option<&str>) -> Result<Vec<Image>> {
        let query: Vec<(&str, &str)> = region.map(|r| ("region", r)).into_iter().collect();
        self.get_list(&format!("{}/image", project(project_id)), &query)
            .await
    }

    /// `GET /cloud/project/{id}/image/{image}`.
    pub async fn image(&self, project_id: &str, image_id: &str) -> Result<Image> {
        self.get(
            &format!("{}/image/{}", project(project_id), seg(image_id)),
            &[],
        )
        .await
    }

    /// `GET /cloud/project/{id}/sshkey`.
    pub async fn ssh_keys(&self, project_id: &str) -> Result<Vec<SshKey>> {
        self.get_list(&format!("{}/sshkey", project(project_id)), &[])
            .await
    }

    /// `POST /cloud/project/{id}/instance/{instance}/snapshot`: starts a backup. Returns the new
    /// snapshot's id when the API says it (2025 shape), `None` otherwise (2024 shape).
    ///
    /// Never retried: if the answer is lost, look for the snapshot by name before trying again.
    pub async fn create_snapshot(
        &self,
        project_id: &str,
        instance_id: &str,
        name: &str,
    ) -> Result<Option<String>> {
        let path = format!(
            "{}/instance/{}/snapshot",
            project(project_id),
            seg(instance_id)
        );
        let created: Option<SnapshotCreated> = self
            .post(
                &path,
                &SnapshotCreation {
                    snapshot_name: name,
                },
            )
            .await?;
        Ok(created.and_then(|c| c.snapshot_id))
    }

    /// `POST /cloud/project/{id}/region/{region}/instance/{instance}/abortSnapshot`.
    pub async fn abort_snapshot(
        &self,
        project_id: &str,
        region: &str,
        instance_id: &str,
    ) -> Result<Operation> {
        let path = format!(
            "{}/region/{}/instance/{}/abortSnapshot",
            project(project_id),
            seg(region),
            seg(instance_id)
        );
        self.post_empty(&path).await
    }

    /// `GET /cloud/project/{id}/snapshot`: every instance backup of the project.
    pub async fn snapshots(&self, project_id: &str, region: Option<&str>) -> Result<Vec<Image>> {
        let query: Vec<(&str, &str)> = region.map(|r| ("region", r)).into_iter().collect();
        self.get_list(&format!("{}/snapshot", project(project_id)), &query)
            .await
    }

    /// `GET /cloud/project/{id}/snapshot/{snapshot}`.
    pub async fn snapshot(&self, project_id: &str, snapshot_id: &str) -> Result<Image> {
        self.get(
            &format!("{}/snapshot/{}", project(project_id), seg(snapshot_id)),
            &[],
        )
        .await
    }

    /// `DELETE /cloud/project/{id}/instance/{instance}`: only ever a rehearsal's temporary
    /// instance (issue 19), under its own access rule ([`crate::rules::REHEARSAL_RULES`]).
    pub async fn delete_instance(&self, project_id: &str, instance_id: &str) -> Result<()> {
        let _: IgnoredAny = self
            .delete(&format!(
                "{}/instance/{}",
                project(project_id),
                seg(instance_id)
            ))
            .await?;
        Ok(())
    }

    /// `DELETE /cloud/project/{id}/snapshot/{snapshot}`.
    pub async fn delete_snapshot(&self, project_id: &str, snapshot_id: &str) -> Result<()> {
        let _: IgnoredAny = self
            .delete(&format!(
                "{}/snapshot/{}",
                project(project_id),
                seg(snapshot_id)
            ))
            .await?;
        Ok(())
    }

    /// `GET /cloud/project/{id}/volume`, optionally for one region: Block Storage volumes.
    pub async fn volumes(&self, project_id: &str, region: Option<&str>) -> Result<Vec<Volume>> {
        let query: Vec<(&str, &str)> = region.map(|r| ("region", r)).into_iter().collect();
        self.get_list(&format!("{}/volume", project(project_id)), &query)
            .await
    }

    /// `POST /cloud/project/{id}/volume/{volume}/snapshot`: a snapshot of an attached volume
    /// (OVH's guide: a volume snapshot needs no detaching, unlike a volume backup).
    ///
    /// Never retried: if the answer is lost, look for the snapshot by name before trying again.
    pub async fn create_volume_snapshot(
        &self,
        project_id: &str,
        volume_id: &str,
        body: &VolumeSnapshotCreation<'_>,
    ) -> Result<VolumeSnapshot> {
        let path = format!("{}/volume/{}/snapshot", project(project_id), seg(volume_id));
        self.post(&path, body).await
    }

    /// `GET /cloud/project/{id}/volume/snapshot`, optionally for one region.
    pub async fn volume_snapshots(
        &self,
        project_id: &str,
        region: Option<&str>,
    ) -> Result<Vec<VolumeSnapshot>> {
        let query: Vec<(&str, &str)> = region.map(|r| ("region", r)).into_iter().collect();
        self.get_list(&format!("{}/volume/snapshot", project(project_id)), &query)
            .await
    }

    /// `GET /cloud/project/{id}/volume/snapshot/{snapshot}`.
    pub async fn volume_snapshot(
        &self,
        project_id: &str,
        snapshot_id: &str,
    ) -> Result<VolumeSnapshot> {
        self.get(
            &format!(
                "{}/volume/snapshot/{}",
                project(project_id),
                seg(snapshot_id)
            ),
            &[],
        )
        .await
    }

    /// `DELETE /cloud/project/{id}/volume/snapshot/{snapshot}` (answers nothing).
    pub async fn delete_volume_snapshot(&self, project_id: &str, snapshot_id: &str) -> Result<()> {
        let _: IgnoredAny = self
            .delete(&format!(
                "{}/volume/snapshot/{}",
                project(project_id),
                seg(snapshot_id)
            ))
            .await?;
        Ok(())
    }

    /// `POST /cloud/project/{id}/region/{region}/volume`: a new volume (here from a volume
    /// snapshot), as an operation whose `resourceId` is the volume (ovhcloud-cli waits on it).
    pub async fn create_volume(
        &self,
        project_id: &str,
        region: &str,
        body: &VolumeCreation<'_>,
    ) -> Result<Operation> {
        let path = format!("{}/region/{}/volume", project(project_id), seg(region));
        self.post(&path, body).await
    }

    /// `POST /cloud/project/{id}/volume/{volume}/attach`.
    pub async fn attach_volume(
        &self,
        project_id: &str,
        volume_id: &str,
        instance_id: &str,
    ) -> Result<()> {
        let path = format!("{}/volume/{}/attach", project(project_id), seg(volume_id));
        let _: Option<IgnoredAny> = self.post(&path, &VolumeAttach { instance_id }).await?;
        Ok(())
    }

    /// `POST /cloud/project/{id}/volume/{volume}/detach` (ovhcloud-cli
    /// `DetachVolumeFromInstance`): the volume is `detaching`, then `available`.
    pub async fn detach_volume(
        &self,
        project_id: &str,
        volume_id: &str,
        instance_id: &str,
    ) -> Result<()> {
        let path = format!("{}/volume/{}/detach", project(project_id), seg(volume_id));
        let _: Option<IgnoredAny> = self.post(&path, &VolumeAttach { instance_id }).await?;
        Ok(())
    }

    /// `GET /cloud/project/{id}/region/{region}/workflow/backup`.
    pub async fn workflows(&self, project_id: &str, region: &str) -> Result<Vec<Workflow>> {
        self.get_list(
            &format!(
                "{}/region/{}/workflow/backup",
                project(project_id),
                seg(region)
            ),
            &[],
        )
        .await
    }

    /// `GET /cloud/project/{id}/region/{region}/workflow/backup/{workflow}`.
    pub async fn workflow(
        &self,
        project_id: &str,
        region: &str,
        workflow_id: &str,
    ) -> Result<Workflow> {
        let path = format!(
            "{}/region/{}/workflow/backup/{}",
            project(project_id),
            seg(region),
            seg(workflow_id)
        );
        self.get(&path, &[]).await
    }

    /// `POST /cloud/project/{id}/region/{region}/workflow/backup`: an automatic backup schedule
    /// that OVH runs.
    pub async fn create_workflow(
        &self,
        project_id: &str,
        region: &str,
        body: &WorkflowCreation,
    ) -> Result<Workflow> {
        self.post(
            &format!(
                "{}/region/{}/workflow/backup",
                project(project_id),
                seg(region)
            ),
            body,
        )
        .await
    }

    /// `DELETE /cloud/project/{id}/region/{region}/workflow/backup/{workflow}`. The backups it
    /// made are kept.
    pub async fn delete_workflow(
        &self,
        project_id: &str,
        region: &str,
        workflow_id: &str,
    ) -> Result<()> {
        let path = format!(
            "{}/region/{}/workflow/backup/{}",
            project(project_id),
            seg(region),
            seg(workflow_id)
        );
        let _: IgnoredAny = self.delete(&path).await?;
        Ok(())
    }

    /// `POST /cloud/project/{id}/instance/{instance}/reinstall`: restores a backup in place.
    pub async fn reinstall(
        &self,
        project_id: &str,
        instance_id: &str,
        image_id: &str,
    ) -> Result<Instance> {
        let path = format!(
            "{}/instance/{}/reinstall",
            project(project_id),
            seg(instance_id)
        );
        self.post(&path, &Reinstall { image_id }).await
    }

    /// `POST /cloud/project/{id}/instance`: a new instance, here from a backup image.
    pub async fn create_instance(
        &self,
        project_id: &str,
        body: &InstanceCreation,
    ) -> Result<Instance> {
        self.post(&format!("{}/instance", project(project_id)), body)
            .await
    }

    /// `POST /cloud/project/{id}/instance/{instance}/rescueMode`.
    pub async fn rescue_mode(
        &self,
        project_id: &str,
        instance_id: &str,
        body: &RescueMode,
    ) -> Result<RescueAdminPassword> {
        let path = format!(
            "{}/instance/{}/rescueMode",
            project(project_id),
            seg(instance_id)
        );
        let answer: Option<RescueAdminPassword> = self.post(&path, body).await?;
        Ok(answer.unwrap_or_default())
    }

    /// `GET /cloud/project/{id}/operation/{operation}`.
    pub async fn operation(&self, project_id: &str, operation_id: &str) -> Result<Operation> {
        self.get(
            &format!("{}/operation/{}", project(project_id), seg(operation_id)),
            &[],
        )
        .await
    }

    /// `GET /cloud/project/{id}/capabilities/productAvailability?addonFamily=snapshot`: which
    /// snapshot plan applies in which region.
    pub async fn snapshot_availability(
        &self,
        project_id: &str,
        subsidiary: &str,
    ) -> Result<Availability> {
        let path = format!("{}/capabilities/productAvailability", project(project_id));
        self.get(
            &path,
            &[("addonFamily", "snapshot"), ("ovhSubsidiary", subsidiary)],
        )
        .await
    }

    /// `GET /order/catalog/public/cloud` (no authentication): prices.
    pub async fn public_cloud_catalog(&self, subsidiary: &str) -> Result<Catalog> {
        self.get_unsigned(
            "/order/catalog/public/cloud",
            &[("ovhSubsidiary", subsidiary)],
        )
        .await
    }
}
