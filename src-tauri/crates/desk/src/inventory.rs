//! What is in the cloud, shaped for the screens: projects, and instances with their region,
//! model and status in the control panel's terms; and the reads behind the other screens: which
//! regions run the workflow service, and every workflow of a project.
use serde::Serialize;
use ts_rs::TS;

use ovh::types::{Flavor, Instance, Workflow};
use ovh::{Client, Listed};

use crate::Result;

/// A project as the project selector shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[ts(rename = "Project")]
#[serde(rename_all = "camelCase")]
pub struct ProjectSummary {
    pub id: String,
    pub name: String,
    /// OVH reports the project `suspended` (most often over an unpaid bill): the app says so
    /// and leads to the Control Panel; what OVH then refuses is not confirmed, so nothing is
    /// refused on its account.
    pub suspended: bool,
}

/// One row of the Instances list.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstanceRow {
    pub id: String,
    pub name: String,
    pub region: String,
    /// The flavor's name (`b2-7`), or its id when the flavor is unknown.
    pub model: String,
    /// OVH's raw status (`ACTIVE`, `SNAPSHOTTING`...); the UI words it.
    pub status: String,
    pub disk_gb: Option<u64>,
    pub metal: bool,
    pub iops: bool,
}

/// Every project the account sees, with a readable name, in the API's order: one bulk read
/// where OVH serves it, else the ids and then each project's details (concurrently; the client
/// bounds how many requests are in flight).
pub async fn projects(client: &Client) -> Result<Vec<ProjectSummary>> {
    Ok(read_projects(client).await?)
}

/// [`projects`] with the client's own error, for the shared lists.
pub(crate) async fn read_projects(client: &Client) -> ovh::Result<Vec<ProjectSummary>> {
    let ids = match client.projects().await? {
        Listed::Objects(list) => {
            return Ok(list
                .iter()
                .map(|p| ProjectSummary {
                    id: p.project_id.clone(),
                    name: p.display_name().to_string(),
                    suspended: p.is_suspended(),
                })
                .collect())
        }
        Listed::Ids(ids) => ids,
    };
    futures_util::future::try_join_all(ids.into_iter().map(|id| async move {
        let (name, suspended) = match client.project(&id).await {
            Ok(p) => (p.display_name().to_string(), p.is_suspended()),
            // A project we may list but not read still gets a row, under its id.
            Err(e) if e.status().is_some() => (id.clone(), false),
            Err(e) => return Err(e),
        };
        Ok(ProjectSummary {
            id,
            name,
            suspended,
        })
    }))
    .await
}

/// Instance rows from an instance list and the project's flavors, sorted by name.
pub fn rows(instances: &[Instance], flavors: &[Flavor]) -> Vec<InstanceRow> {
    let mut rows: Vec<InstanceRow> = instances
        .iter()
        .map(|i| {
            let flavor = i.flavor.clone().or_else(|| {
                flavors
                    .iter()
                    .find(|f| Some(f.id.as_str()) == i.flavor_ref())
                    .cloned()
            });
            InstanceRow {
                model: flavor
                    .as_ref()
                    .map(|f| f.name.clone())
                    .or(i.flavor_id.clone())
                    .unwrap_or_default(),
                disk_gb: flavor.as_ref().map(|f| f.disk),
                metal: flavor.as_ref().is_some_and(|f| f.is_metal()),
                iops: flavor.as_ref().is_some_and(|f| f.is_iops()),
                id: i.id.clone(),
                name: i.name.clone(),
                region: i.region.clone(),
                status: i.status.clone(),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    rows
}

/// The instances of a project, sorted by name, with their flavor resolved. Two requests in all.
pub async fn instances(client: &Client, project_id: &str) -> Result<Vec<InstanceRow>> {
    let (instances, flavors) = tokio::try_join!(
        client.instances(project_id, None),
        client.flavors(project_id, None)
    )?;
    Ok(rows(&instances, &flavors))
}

/// The regions of a project whose `workflow` service is up.
pub async fn workflow_regions(client: &Client, project_id: &str) -> ovh::Result<Vec<String>> {
    Ok(client
        .regions(project_id)
        .await?
        .into_iter()
        .filter(|r| r.has_service_up("workflow"))
        .map(|r| r.name)
        .collect())
}

/// Every workflow of the project in `regions`, with the region it lives in.
pub async fn workflows(
    client: &Client,
    project_id: &str,
    regions: &[String],
) -> Result<Vec<(String, Workflow)>> {
    let lists = futures_util::future::try_join_all(
        regions
            .iter()
            .map(|region| client.workflows(project_id, region)),
    )
    .await?;
    Ok(regions
        .iter()
        .zip(lists)
        .flat_map(|(region, list)| list.into_iter().map(|w| (region.clone(), w)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Connection;

    #[tokio::test]
    async fn the_demo_cloud_lists_projects_and_instances() {
        let conn = Connection::demo().await.unwrap();
        let projects = projects(&conn.client).await.unwrap();
        assert_eq!(
            projects.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Acme Production", "Acme Staging"]
        );
        let rows = instances(&conn.client, &projects[0].id).await.unwrap();
        assert_eq!(rows.len(), 11);
        let metal = rows.iter().find(|r| r.name == "render-metal").unwrap();
        assert!(metal.metal && metal.model == "bm-s1");
        assert!(
            rows.iter()
                .find(|r| r.name == "file-server-nvme")
                .unwrap()
                .iops
        );
        assert!(
            rows.windows(2).all(|w| w[0].name <= w[1].name),
            "sorted by name"
        );
    }
}
